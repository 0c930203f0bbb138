# dos2unix removes a byte order mark; sed 's/\r$//' does not.
# test: context=ctx
FROM scratch
COPY --chmod=755 entrypoint.sh /a.sh
COPY --chmod=755 entrypoint.sh /b.sh
RUN dos2unix /a.sh && sed -i 's/\r$//' /b.sh
ENTRYPOINT ["/a.sh"]
# expect: DKL1302 "'/b.sh' starts with a UTF-8 byte order mark"
HEALTHCHECK CMD ["/b.sh"]
