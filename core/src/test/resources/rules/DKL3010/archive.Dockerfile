FROM debian:12
# hadolint's documented example
# expect: DKL3010 "Use `ADD` for extracting archives into an image"
COPY packaged-app.tar /usr/src/app
RUN tar -xf /usr/src/app/packaged-app.tar
COPY other.tar.gz /tmp/
RUN echo "not extracted"
# expect: DKL3010
COPY data.tgz /tmp/data.tgz
RUN tar xzf /tmp/data.tgz -C /opt
COPY --from=debian:12 /x.tar /x.tar
RUN tar -xf /x.tar
