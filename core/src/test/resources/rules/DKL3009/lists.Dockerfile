FROM debian:12 AS build
# only copied from: its files do not reach the image
RUN apt-get update && apt-get install -y make

FROM debian:12
# hadolint's documented example
# expect: DKL3009 "Delete the apt lists (/var/lib/apt/lists) after installing something"
RUN apt-get update && apt-get install -y python
RUN apt-get update && apt-get install -y python \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update
COPY --from=build /usr/bin/make /usr/bin/make
# apt 2.7's dist-clean removes the lists (hadolint does not know it)
RUN apt-get update && apt-get install -y curl && apt-get dist-clean
