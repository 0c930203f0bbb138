FROM debian:12
# expect: DKL5003
RUN apt-get update
COPY . /app
