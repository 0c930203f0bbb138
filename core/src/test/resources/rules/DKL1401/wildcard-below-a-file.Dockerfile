# test: context=ctx
FROM alpine:3.20
# expect: DKL1401 "'app.jar' is not a directory: the COPY at line 4 fails" severity=warning
COPY app.jar/*.properties /app/
COPY app.jar /app/
