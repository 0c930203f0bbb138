FROM scratch
# expect: DKL5008 "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase"
# expect: DKL5008 "Defined protocol '8080/TCP' in EXPOSE instruction should be lowercase"
EXPOSE 80/TcP 8080/TCP 8080/udp
EXPOSE 53/udp 80
