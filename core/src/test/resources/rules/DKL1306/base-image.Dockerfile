# Whether the base image has bash is not known without an image source.
# test: context=ctx
FROM alpine:3.20
COPY --chmod=755 entrypoint.sh app.py /
ENTRYPOINT ["/entrypoint.sh"]
HEALTHCHECK CMD ["/app.py"]
