FROM debian:12
# hadolint's documented example
# expect: DKL3020 "Use COPY instead of ADD for files and folders" fix="Use COPY"
ADD requirements.txt /usr/src/app/
ADD https://example.com/file.txt /tmp/
ADD app.tar.gz /opt/
ADD git@github.com:moby/buildkit.git /src
# expect: DKL3020
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d app.txt /app.txt
ARG PACKAGE_URL=https://example.com/pkg.rpm
# a variable that holds a URL: a download (hadolint reports it)
ADD ${PACKAGE_URL} /tmp/pkg.rpm
# a variable without a value here: not judged
ADD ${UNKNOWN} /tmp/x
ARG CONFIG=app.conf
# expect: DKL3020
ADD $CONFIG /etc/app.conf
