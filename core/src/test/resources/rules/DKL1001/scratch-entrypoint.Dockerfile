FROM scratch
COPY app /app
# expect: DKL1001 "'exec: \"/bin/sh\": stat /bin/sh: no such file or directory'" predicts="no such file or directory" severity=error
ENTRYPOINT /app --config /etc/app.conf $EXTRA
