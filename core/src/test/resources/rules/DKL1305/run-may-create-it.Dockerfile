FROM scratch
COPY --chmod=755 <<EOF /bin/sh
#!/bin/sh
EOF
RUN ./install.sh
# expect: DKL1305 "the RUN at line 5 may change this" severity=warning
ENTRYPOINT ["/usr/local/bin/app"]
