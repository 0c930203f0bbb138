# test: context=ctx
FROM scratch
COPY --chmod=755 entrypoint.sh env.sh with-argument.sh lf-shebang.sh /usr/local/bin/
# expect: DKL1303 "the kernel looks for '/bin/sh\r', which does not exist" predicts="no such file or directory" severity=error
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
# expect: DKL1303 "add 'entrypoint.sh text eol=lf' to .gitattributes"
HEALTHCHECK CMD ["/usr/local/bin/entrypoint.sh"]
