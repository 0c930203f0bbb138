FROM debian:12
# hadolint's documented example
# expect: DKL3066 "Non-numeric user-id may not be resolvable by host system"
USER some_user
USER 1000
USER 1000:1000
ARG UID=1000
USER ${UID}
ARG NAME=app
# expect: DKL3066
USER $NAME
USER $UNSET
