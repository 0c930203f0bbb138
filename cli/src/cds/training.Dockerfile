# The file the build lints once, with every output format, to record the classes dockerlint
# loads into its AppCDS archive (see cli/pom.xml and the dockerlint launcher).
# syntax=docker/dockerfile:1
# check=skip=StageNameCasing
ARG VERSION=1.0
FROM alpine:3.20 AS build
MAINTAINER someone
# dockerlint ignore=DKL0003 kept for the training run
RUN apk add --no-cache \

    curl
COPY --chmod=755 app.sh /usr/local/bin/app
# hadolint ignore=DL3008
RUN echo "${VERSION}"
FROM scratch
COPY --from=build /usr/local/bin/app /app
USER 1000
ENTRYPOINT ["/app"]
