FROM scratch
# expect: DKL5009
# expect: DKL5009
EXPOSE 80 5000/udp
