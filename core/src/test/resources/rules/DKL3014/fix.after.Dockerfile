FROM debian:12
# expect: DKL3014
RUN apt-get update && apt-get install -y --no-install-recommends curl
