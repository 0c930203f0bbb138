# GNU dos2unix removes a byte order mark, BusyBox's does not: a warning that names the RUN.
# sed 's/\r$//' leaves the mark alone.
# test: context=ctx
FROM scratch
COPY --chmod=755 entrypoint.sh /a.sh
COPY --chmod=755 entrypoint.sh /b.sh
RUN dos2unix /a.sh && sed -i 's/\r$//' /b.sh
# expect: DKL1302 "the RUN at line 7 may change this" severity=warning
ENTRYPOINT ["/a.sh"]
# expect: DKL1302 "'/b.sh' starts with a UTF-8 byte order mark" severity=error
HEALTHCHECK CMD ["/b.sh"]
