# test: context=ctx
FROM scratch
COPY --chmod=700 entrypoint.sh /entrypoint.sh
COPY --chmod=700 --chown=1000:1000 b.sh /b.sh
USER 1000:1000
# expect: DKL1304 "'/entrypoint.sh' is executable only for its owner 0:0 (mode 0700" predicts="permission denied"
ENTRYPOINT ["/entrypoint.sh"]
HEALTHCHECK CMD ["/b.sh"]
