FROM fedora:40
# hadolint's documented example
# expect: DKL3041 "Specify version with `dnf install -y <package>-<version>`"
RUN dnf install -y httpd && dnf clean all
RUN dnf install -y httpd-2.24.2 && dnf clean all
RUN dnf install -y @development-tools
RUN dnf group install -y "Development Tools"
# expect: DKL3041 "(unpinned: nodejs)"
RUN dnf module install -y nodejs
RUN dnf module install -y nodejs:20
# expect: DKL3041 "(unpinned: tar)"
RUN microdnf install -y tar gzip-1.12
