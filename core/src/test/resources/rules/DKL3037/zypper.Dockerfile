FROM opensuse/leap:15.6
# hadolint's documented example
# expect: DKL3037 "Specify version with `zypper install -y <package>[=]<version>`"
RUN zypper install -y httpd && zypper clean
RUN zypper install -y httpd=2.4.46 && zypper clean
RUN zypper install -y "httpd>=2.4" && zypper clean
RUN zypper install -y ./app-1.0.rpm
