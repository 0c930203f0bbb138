# the SHELL names a program the stage lacks: DKL1307 shell-not-found reports it once, on the
# SHELL line, so the shell-form RUNs after it get nothing from this rule
FROM scratch
COPY busybox /busybox
SHELL ["/bin/bash", "-c"]
RUN echo one
RUN echo two
