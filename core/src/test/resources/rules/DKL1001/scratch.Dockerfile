FROM scratch
COPY app /app
# expect: DKL1001 "CMD in shell form runs '/bin/sh -c ...', but this stage has no /bin/sh (FROM scratch)" predicts="no such file or directory" severity=error fix="Use exec form"
CMD /app serve --port 8080
