# expect: DKL1102 "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior" severity=info fix="Remove --platform"
FROM --platform=$TARGETPLATFORM alpine:3.20 AS base
# expect: DKL1102 "predefined ${TARGETPLATFORM} in FROM"
FROM --platform=${TARGETPLATFORM} base AS next
# other variables, or more than one: not BuildKit's check
FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20 AS parts
FROM --platform=$BUILDPLATFORM alpine:3.20 AS build
