FROM alpine:3.20
COPY run.sh /usr/local/bin/run.sh
# expect: DKL1001 "CMD and 'docker run' arguments are ignored (the CMD on line 5)" severity=warning
ENTRYPOINT /usr/local/bin/run.sh
CMD ["--port", "8080"]
