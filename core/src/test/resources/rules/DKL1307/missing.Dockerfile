FROM scratch AS base
COPY --chmod=755 <<EOF /bin/sh
#!/bin/sh
EOF

FROM base AS absolute
# expect: DKL1307 "'/bin/bash' does not exist in this stage (FROM scratch starts with an empty filesystem): the first instruction that uses this shell fails with \"no such file or directory\"" predicts="no such file or directory" severity=error
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "needs bash"

FROM base AS name
# expect: DKL1307 "'bash' is in no directory of PATH" predicts="executable file not found in $PATH"
SHELL ["bash", "-c"]
RUN echo "needs bash"

FROM base AS cmd
# expect: DKL1307 "'/bin/zsh' does not exist"
SHELL ["/bin/zsh", "-c"]
CMD echo "needs zsh"
