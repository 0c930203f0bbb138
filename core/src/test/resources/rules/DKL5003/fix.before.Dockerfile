FROM debian:12
# expect: DKL5003
run apt-get update
COPY . /app
