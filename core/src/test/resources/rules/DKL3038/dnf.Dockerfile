FROM fedora:40
# hadolint's documented example
# expect: DKL3038 "Use the -y switch to avoid manual input `dnf install -y <package>`"
RUN dnf install httpd-2.24.2 && dnf clean all
RUN dnf install -y httpd-2.24.2 && dnf clean all
# expect: DKL3038
RUN microdnf install httpd-2.24.2
RUN microdnf --assumeyes install httpd-2.24.2
