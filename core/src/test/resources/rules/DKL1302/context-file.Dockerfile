# test: context=ctx
FROM scratch
COPY --chmod=755 entrypoint.sh plain.sh /
# expect: DKL1302 "'/entrypoint.sh' starts with a UTF-8 byte order mark before '#!'" predicts="exec format error" severity=error
ENTRYPOINT ["/entrypoint.sh"]
HEALTHCHECK CMD ["/plain.sh"]
