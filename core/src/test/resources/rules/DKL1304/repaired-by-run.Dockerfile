# test: context=ctx
FROM scratch
COPY entrypoint.sh /entrypoint.sh
COPY b.sh /app/bin/b.sh
COPY b.sh /opt/b.sh
RUN chmod +x /entrypoint.sh && chmod -R 755 /app && chmod a+x /opt/*.sh
ENTRYPOINT ["/entrypoint.sh"]
HEALTHCHECK CMD ["/app/bin/b.sh"]
# expect: DKL1304 "the RUN at line 6 may change this" severity=warning
RUN ["/opt/b.sh"]
