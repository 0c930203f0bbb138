# test: platform=linux/arm64
FROM alpine:3.20
# expect: DKL1202 "hard-codes amd64, but this build makes the stage linux/arm64" predicts="exec format error"
RUN wget -O /usr/local/bin/kubectl https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl
