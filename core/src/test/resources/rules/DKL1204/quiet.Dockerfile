# test: platform=linux/arm64 build-platform=linux/amd64
# cross-compiled on purpose
FROM --platform=$BUILDPLATFORM golang:1.22 AS cross
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

# a $BUILDPLATFORM compile without a target is DKL1201's finding
FROM --platform=$BUILDPLATFORM golang:1.22 AS native
RUN go build -o /out/tool .

# the same platform
FROM alpine:3.20 AS same
RUN apk add --no-cache jq

# 32-bit ARM runs on arm64
FROM --platform=linux/arm/v7 alpine:3.20 AS arm32
RUN apk add --no-cache tini

# a scratch stage only carries files: its platform says nothing about them
FROM --platform=$BUILDPLATFORM golang:1.22 AS lint-build
RUN go build -o /out/lint ./cmd/lint
FROM scratch AS lint-binary
COPY --from=lint-build /out/lint /lint
FROM --platform=$BUILDPLATFORM golang:1.22 AS lint
COPY --from=lint-binary / /usr/bin/
RUN lint ./... && touch /lint.done

FROM alpine:3.20
COPY --from=cross /out/app /usr/local/bin/app
COPY --from=native /out/tool /usr/local/bin/tool
COPY --from=same /usr/bin/jq /usr/bin/jq
COPY --from=arm32 /sbin/tini /sbin/tini
# a marker file copied to / is no program
COPY --from=lint /lint.done /
