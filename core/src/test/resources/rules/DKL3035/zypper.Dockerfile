FROM opensuse/leap:15.6
# hadolint's documented example
# expect: DKL3035 "Do not use `zypper dist-upgrade`."
RUN zypper dist-upgrade
# expect: DKL3035
RUN zypper -n dup
RUN zypper -n up
