FROM debian:12
# expect: DKL3020
COPY --chown=app config/ /etc/app/
