# Without a build context nothing is said about sources.
FROM alpine:3.20
COPY entrypoint.sh /usr/local/bin/
