# hadolint's documented example
FROM debian:jesse
RUN something
# expect: DKL3022 "should reference a previously defined `FROM` alias"
COPY --from=build some/path /usr/local/bin/

FROM golang:1.22 AS build
RUN go build -o /app .
FROM scratch
COPY --from=build /app /app
COPY --from=0 /etc/passwd /etc/passwd
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /nginx.conf
COPY --from=ghcr.io/org/tool /tool /tool
# expect: DKL3022 "no stage is named 'biuld'"
COPY --from=biuld /app /app2
# expect: DKL3022 "defined later"
COPY --from=later /x /x
FROM scratch AS later
