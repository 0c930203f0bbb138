FROM debian:12
# expect: DKL3027
# expect: DKL3027
RUN apt update && apt install -y curl
