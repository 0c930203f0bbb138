FROM debian:12
# expect: DKL3020
ADD --chown=app config/ /etc/app/
