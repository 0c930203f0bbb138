# test: context=ctx
# the root filesystem copied from the build context has no bin/sh
FROM scratch
COPY rootfs/ /
# expect: DKL1002 "this stage has no /bin/sh at this point (FROM scratch)" severity=error
RUN echo hi
