# COPY --exclude is not followed: what it copies is not known, so nothing is said.
# test: context=ctx
FROM scratch
COPY --exclude=b.sh . /app/
ENTRYPOINT ["/app/entrypoint.sh"]
