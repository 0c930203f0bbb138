FROM debian:12
# expect: DKL3027
# expect: DKL3027
RUN apt-get update && apt-get install -y curl
