# test: label=org.opencontainers.image.version:semver label=org.opencontainers.image.title:text
FROM debian:12 AS build
RUN make
# expect: DKL3049 "Label `org.opencontainers.image.version` is missing."
FROM debian:12 AS base
LABEL org.opencontainers.image.title="app"
FROM base
LABEL org.opencontainers.image.version="1.0.0"
COPY --from=build /app /app
