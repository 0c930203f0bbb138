# test: context=ctx
FROM scratch
COPY --chmod=755 entrypoint.sh /bin/
COPY --chmod=755 scripts/ /scripts/
RUN sed -i 's/\r$//' /bin/entrypoint.sh && dos2unix /scripts/*.sh
ENTRYPOINT ["/bin/entrypoint.sh"]
# A glob may or may not cover the file: a warning that names the RUN.
# expect: DKL1303 "the RUN at line 5 may change this" severity=warning
HEALTHCHECK CMD ["/scripts/one.sh"]
