# test: context=ctx
FROM scratch AS base
COPY --chmod=755 static-amd64 /usr/bin/env
COPY --chmod=755 app.py unbuffered.py split.py /app/

FROM base AS no-python
# expect: DKL1306 "env finds no 'python3' in PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin): env fails with \"No such file or directory\"" predicts="no such file or directory"
ENTRYPOINT ["/app/app.py"]

FROM base AS one-word
# expect: DKL1306 "env looks for a program named 'python3 -u'" predicts="no such file or directory"
ENTRYPOINT ["/app/unbuffered.py"]

FROM base AS split
# expect: DKL1306 "env finds no 'python3' in PATH"
ENTRYPOINT ["/app/split.py"]

FROM base AS with-python
COPY --chmod=755 static-amd64 /usr/local/bin/python3
ENTRYPOINT ["/app/app.py"]

FROM scratch AS no-env
COPY --chmod=755 app.py /app/
# expect: DKL1306 "and /usr/bin/env does not exist in this stage"
ENTRYPOINT ["/app/app.py"]
