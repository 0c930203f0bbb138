FROM debian:12
# hadolint's documented example
# expect: DKL3011 "Valid UNIX ports range from 0 to 65535"
EXPOSE 80000
EXPOSE 65535 80/tcp 8000-9000/udp
# expect: DKL3011
EXPOSE 8000-70000
EXPOSE $PORT
