FROM scratch
ADD alpine-minirootfs.tar.gz /
RUN apk add --no-cache curl
