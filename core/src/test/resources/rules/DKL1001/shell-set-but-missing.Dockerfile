FROM scratch
SHELL ["/usr/bin/customshell"]
# expect: DKL1001 "this stage has no /usr/bin/customshell (FROM scratch)" predicts="no such file or directory" severity=error
CMD mycommand
