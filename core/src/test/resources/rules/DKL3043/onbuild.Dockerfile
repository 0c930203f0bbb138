FROM debian:12
# expect: DKL3043 "ONBUILD isn't allowed as an ONBUILD trigger"
ONBUILD ONBUILD RUN anything
# expect: DKL3043 "FROM isn't allowed"
ONBUILD FROM debian:stretch
# expect: DKL3043 "MAINTAINER"
ONBUILD MAINTAINER "BoJack Horseman"
ONBUILD RUN echo ok
