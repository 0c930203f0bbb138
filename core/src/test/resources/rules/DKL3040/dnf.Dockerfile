FROM fedora:40
# hadolint's documented example
# expect: DKL3040 "`dnf clean all` missing after dnf command."
RUN dnf install -y httpd-2.24.2
RUN dnf install -y httpd-2.24.2 && dnf clean all
RUN microdnf install -y httpd-2.24.2 && microdnf clean all
# expect: DKL3040
RUN microdnf upgrade -y
RUN dnf install -y httpd-2.24.2 && rm -rf /var/cache/dnf
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.24.2
