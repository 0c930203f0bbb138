FROM debian:12
# hadolint's documented example
# expect: DKL3014 "Use the `-y` switch" fix="Add -y"
RUN apt-get install python=2.7
RUN apt-get install -y python=2.7
RUN apt-get -y install python=2.7
RUN apt-get --yes install python=2.7
RUN apt-get --assume-yes install python=2.7
RUN apt-get -qq install python=2.7
RUN apt-get -q -q install python=2.7
RUN apt-get -q=2 install python=2.7
RUN apt-get -yqq --no-install-recommends install nodejs=0.10
# expect: DKL3014
RUN apt-get -q install python=2.7
