FROM centos:7
# hadolint's documented example
# expect: DKL3032 "`yum clean all` missing after yum command."
RUN yum install -y httpd-2.24.2
RUN yum install -y httpd-2.24.2 && yum clean all
RUN yum install -y httpd-2.24.2 && rm -rf /var/cache/yum/*
# expect: DKL3032
RUN yum clean all && yum install -y httpd-2.24.2
RUN yum update -y
