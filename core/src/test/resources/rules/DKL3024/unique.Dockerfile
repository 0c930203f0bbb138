FROM debian:jesse AS build
RUN stuff
FROM debian:jesse AS another-alias
RUN more_stuff
