FROM debian:12
# hadolint's documented example
# expect: DKL3008 "Pin versions in apt get install" 
RUN apt-get install python
RUN apt-get install python=2.7
RUN apt-get update \
 && apt-get -yqq --no-install-recommends install nodejs=0.10 \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends -y \
python-demjson=2.2.2* \
wget=1.16.1* \
git=1:2.5.0* \
ruby=1:2.1.*
RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb
RUN apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1
# a variable's value is not known here
RUN apt-get install -y $PACKAGES
# expect: DKL3008 "(unpinned: curl, wget)"
RUN apt-get update && apt-get install -y \
    curl \
    wget
ONBUILD RUN apt-get install -y python=2.7
# expect: DKL3008 "unpinned: python"
ONBUILD RUN apt-get install -y python
