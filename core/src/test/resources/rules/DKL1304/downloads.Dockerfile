FROM scratch
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
# expect: DKL1304 "(mode 0600, downloaded from https://github.com/krallin/tini/releases/download/v0.19.0/tini by ADD at line 2" predicts="permission denied" fix="Copy it with --chmod=755"
ENTRYPOINT ["/tini", "--"]

FROM scratch
COPY --chmod=755 <<EOF /bin/sh
#!/bin/busybox sh
EOF
RUN curl -fsSL -o /tool https://example.com/tool
# expect: DKL1304 "'/tool' is not executable (mode 0644, written by the RUN at line 10)"
ENTRYPOINT ["/tool"]

# Over a base image, curl may overwrite an executable file: nothing is known.
FROM alpine:3.20
RUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool
ENTRYPOINT ["/usr/local/bin/tool"]
