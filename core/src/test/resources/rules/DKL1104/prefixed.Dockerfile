# expect: DKL1104 "'arm64v8/alpine:3.20' holds only linux/arm64 images, but this stage is built for linux/amd64 (the build's target platform)" predicts="exec format error" severity=warning fix="Use the multi-platform image 'alpine:3.20'"
FROM arm64v8/alpine:3.20 AS a
# expect: DKL1104 "'ppc64le/debian:bookworm' holds only linux/ppc64le images, but this stage is built for linux/arm64 (its platform)"
FROM --platform=linux/arm64 docker.io/ppc64le/debian:bookworm AS b
# 32-bit ARM runs on arm64 (containerd matches it)
FROM --platform=linux/arm64 arm32v7/debian:bookworm AS b2
# matching: the stage is amd64
FROM amd64/buildpack-deps:bookworm-curl AS c
# 32-bit x86 runs on amd64 (containerd matches it)
FROM i386/debian:bookworm AS d
FROM --platform=linux/arm64 arm64v8/alpine:3.20 AS e
# not Docker Hub
FROM ghcr.io/arm64v8/alpine:3.20 AS f
FROM scratch
