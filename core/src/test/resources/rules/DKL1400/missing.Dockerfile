# test: context=ctx
FROM alpine:3.20
COPY app.jar /app/
# expect: DKL1400 "'entrypoint.sh' is not in the build context" severity=warning
COPY entrypoint.sh /usr/local/bin/
# expect: DKL1400 "the ADD at line 7 fails with \"/config/app.properties\": not found"
ADD config/app.properties /app/conf/
COPY conf/ /app/conf/
# A wildcard that matches nothing copies nothing; BuildKit goes on.
COPY *.war /app/
# Not from the context: other stages, images, URLs and heredocs.
COPY --from=busybox:1.36 /bin/busybox /bin/
ADD https://example.com/file.tgz /tmp/
COPY <<EOF /etc/motd
hello
EOF
