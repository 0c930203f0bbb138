FROM opensuse/leap:15.6
# hadolint's documented example
# expect: DKL3034 "Non-interactive switch missing from `zypper` command"
RUN zypper install httpd=2.4.46 && zypper clean
RUN zypper install -y httpd=2.4.46 && zypper clean
RUN zypper --non-interactive install httpd=2.4.46 && zypper clean
RUN zypper -n in httpd=2.4.46
# expect: DKL3034
RUN zypper remove httpd
RUN zypper refresh
