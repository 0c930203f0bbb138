# the stage that sets the SHELL never runs it, so DKL1307 has nothing to report: this rule does
FROM scratch AS base
SHELL ["/bin/bash", "-c"]

FROM base
# expect: DKL1001 "this stage has no /bin/bash (FROM base, which is FROM scratch)" predicts="no such file or directory" severity=error
CMD echo hi
