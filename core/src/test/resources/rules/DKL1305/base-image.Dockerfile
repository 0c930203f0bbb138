# The files, PATH and ENTRYPOINT of an image are not known without an image source: nothing is
# reported.
FROM alpine:3.20
CMD ["nothere"]

FROM node:20
CMD ["server.js"]

FROM debian:bookworm
ENTRYPOINT ["/app/server"]
RUN ["nothere"]
