FROM --platform=linux/arm/v7 ubuntu:22.04 AS final-image
# expect: DKL1105 "This stage is linux/arm/v7, the build machine linux/amd64"
RUN apt-get update
RUN apt-get install -y curl
