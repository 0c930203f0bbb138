FROM scratch
# expect: DKL1307 "'/bin/zsh' does not exist" severity=error
SHELL ["/bin/zsh", "-c"]
CMD echo "needs zsh"
