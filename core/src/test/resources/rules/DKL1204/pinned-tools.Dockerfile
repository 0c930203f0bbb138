FROM --platform=linux/arm64 alpine:3.20 AS tools
RUN apk add --no-cache jq

FROM alpine:3.20
# expect: DKL1204 "COPY --from=tools copies /usr/bin/jq from a linux/arm64 stage into this linux/amd64 stage: programs installed or built there are arm64 and fail here with 'exec format error'" predicts="exec format error" severity=warning
COPY --from=tools /usr/bin/jq /usr/bin/jq
# configuration and data are fine
COPY --from=tools /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
