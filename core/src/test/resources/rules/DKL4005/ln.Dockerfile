FROM debian:12
# hadolint's documented example
# expect: DKL4005 "Use SHELL to change the default shell"
RUN ln -sfv /bin/bash /bin/sh
RUN ln -sf /usr/bin/python3 /usr/bin/python
SHELL ["/bin/bash", "-c"]
