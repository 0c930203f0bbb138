FROM centos:7
# hadolint's documented example
# expect: DKL3030 "Use the -y switch"
RUN yum install httpd-2.24.2 && yum clean all
RUN yum install -y httpd-2.24.2 && yum clean all
RUN yum --assumeyes groupinstall "Development Tools" && yum clean all
# expect: DKL3030
RUN yum localinstall ./app-1.0-1.rpm
