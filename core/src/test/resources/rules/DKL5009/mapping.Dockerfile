FROM scratch
# expect: DKL5009 "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"
# expect: DKL5009 "found '[::1]:8080:8080'"
# expect: DKL5009 "found '5000:5000'"
EXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000
EXPOSE 8000/tcp
