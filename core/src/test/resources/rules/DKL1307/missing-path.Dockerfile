FROM scratch
COPY --chmod=755 <<EOF /bin/sh
#!/bin/sh
EOF
# expect: DKL1307 "'/bin/bash' does not exist in this stage (FROM scratch starts with an empty filesystem): the first instruction that uses this shell fails with \"no such file or directory\"" predicts="no such file or directory" severity=error
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "needs bash"
