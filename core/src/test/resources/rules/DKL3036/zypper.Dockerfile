FROM opensuse/leap:15.6
# hadolint's documented example
# expect: DKL3036 "`zypper clean` missing after zypper use."
RUN zypper install -y httpd=2.4.46
RUN zypper install -y httpd=2.4.46 && zypper clean
RUN zypper install -y httpd=2.4.46 && zypper cc
RUN --mount=type=cache,target=/var/cache/zypp zypper install -y httpd=2.4.46
