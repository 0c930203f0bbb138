# without trusted-registries nothing is reported
FROM quay.io/prometheus/node-exporter:v1.8.1
