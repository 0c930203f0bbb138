FROM scratch
# expect: DKL5008
EXPOSE 80/TCP 53/udp
