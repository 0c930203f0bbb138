# Whether the base image has the loader is not known without an image source.
# test: context=ctx
FROM alpine:3.20
COPY --chmod=755 app-glibc /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
