FROM scratch
# expect: DKL5009
# expect: DKL5009
EXPOSE 127.0.0.1:8080:80 5000:5000/udp
