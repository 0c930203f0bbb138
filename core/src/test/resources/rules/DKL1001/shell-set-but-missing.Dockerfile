# the SHELL names a program the stage lacks: DKL1307 shell-not-found reports it once, on the
# SHELL line, so the shell-form CMD that would run it gets nothing from this rule
FROM scratch
SHELL ["/usr/bin/customshell"]
CMD mycommand
