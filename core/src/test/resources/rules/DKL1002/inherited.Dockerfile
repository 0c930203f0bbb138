FROM scratch AS base
COPY app /app

FROM base
# expect: DKL1002 "(FROM base, which is FROM scratch)" severity=error
RUN /app --selftest
