# test: platform=linux/amd64
# expect: DKL1101 "constant value \"linux/x86_64\"" predicts="null"
FROM --platform=linux/x86_64 alpine:3.20
