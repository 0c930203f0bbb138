# test: label=org.opencontainers.image.created:rfc3339
FROM debian:12
# expect: DKL3053 "is not a valid time format - must conform to RFC3339."
LABEL org.opencontainers.image.created="2024-06-01"
LABEL org.opencontainers.image.created="2024-06-01T12:00:00Z"
LABEL org.opencontainers.image.created="2024-06-01T12:00:00.5+02:00"
