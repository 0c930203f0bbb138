FROM scratch
# expect: DKL3000 "Relative workdir \"app/\" can have unexpected results if the base image changes"
WORKDIR app/
# after an absolute (or any) WORKDIR a relative one is well defined
WORKDIR sub

FROM scratch AS a
WORKDIR /app
FROM a AS b
WORKDIR subdir/

FROM debian:12
# hadolint's documented example (relative, first in the stage)
# expect: DKL3000
WORKDIR usr/src/app
FROM debian:12
WORKDIR /usr/src/app
FROM debian:12
ENV HOME=/root
WORKDIR $HOME/app
FROM debian:12
# a variable without a value here: not judged
WORKDIR ${APP_DIR}
