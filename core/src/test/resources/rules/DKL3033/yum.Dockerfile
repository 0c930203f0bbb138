FROM centos:7
# hadolint's documented example
# expect: DKL3033 "Specify version with `yum install -y <package>-<version>`"
RUN yum install -y httpd && yum clean all
RUN yum install -y httpd-2.24.2 && yum clean all
RUN yum install -y httpd-2.4.6-99.el7.centos.1 mod_ssl-2.4.6 && yum clean all
RUN yum install -y ./local-1.0.rpm
RUN yum install -y $PACKAGES
# expect: DKL3033 "(unpinned: nodejs)"
RUN yum module install -y nodejs
RUN yum module install -y nodejs:20
