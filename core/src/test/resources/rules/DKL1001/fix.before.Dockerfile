FROM scratch
COPY app /app
# the shell form needs /bin/sh, which scratch does not have
# expect: DKL1001 "FROM scratch" severity=error fix="Use exec form: CMD ["
CMD exec /app serve \
    --port 8080
