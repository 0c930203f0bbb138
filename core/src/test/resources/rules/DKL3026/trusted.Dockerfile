# test: trusted-registry=docker.io trusted-registry=*.example.com
FROM debian:12 AS base
FROM registry.example.com/team/app:1.0
FROM base
# expect: DKL3026 "'quay.io' is not in trusted-registries"
FROM quay.io/prometheus/node-exporter:v1.8.1
# expect: DKL3026 "'gcr.io'"
COPY --from=gcr.io/distroless/static:nonroot /etc/passwd /etc/passwd
COPY --from=base /x /x
