FROM scratch
# expect: DKL1307 "'bash' is in no directory of PATH" predicts="executable file not found in $PATH" severity=error
SHELL ["bash", "-c"]
RUN echo "needs bash"
