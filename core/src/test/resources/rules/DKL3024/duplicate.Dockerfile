# hadolint's documented example
FROM debian:jesse AS build
RUN stuff
# expect: DKL3024 "Duplicate stage name \"build\", stage names should be unique"
FROM debian:jesse AS build
RUN more_stuff

FROM scratch AS Other
# expect: DKL3024 "\"other\""
FROM scratch AS other
