FROM scratch AS base
# expect: DKL1001 "this stage has no /bin/sh (FROM base, which is FROM scratch)" severity=error
CMD /app
FROM base
COPY app /app
