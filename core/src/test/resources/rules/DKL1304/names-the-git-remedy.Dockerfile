# test: context=ctx
FROM scratch
COPY entrypoint.sh b.sh /usr/local/bin/
# expect: DKL1304 "add --chmod=755 to the COPY at line 3, run 'chmod +x /usr/local/bin/entrypoint.sh' after it is placed or commit it as executable (git update-index --chmod=+x entrypoint.sh)" predicts="permission denied"
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
