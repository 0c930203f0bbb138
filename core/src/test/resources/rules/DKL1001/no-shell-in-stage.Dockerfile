# COPY --from a stage brings what that stage has, and it has no /bin/sh
FROM scratch AS tools
COPY --from=busybox:1.36-musl /bin/busybox /bin/busybox

FROM scratch
COPY --from=tools /bin/ /bin/
# expect: DKL1001 "this stage has no /bin/sh (FROM scratch)" severity=error
CMD /bin/busybox httpd -f
