FROM scratch
# expect: DKL5008
EXPOSE 80/tcp 53/udp
