FROM scratch
COPY busybox /busybox
# expect: DKL1002 "RUN in shell form runs '/bin/sh -c ...', but this stage has no /bin/sh at this point (FROM scratch): the build fails" predicts="no such file or directory" severity=error fix="Use exec form"
RUN /busybox mkdir -p /data
# expect: DKL1002 "Copy a shell into the stage first" predicts="no such file or directory"
RUN <<EOT
/busybox mkdir -p /cache
EOT
