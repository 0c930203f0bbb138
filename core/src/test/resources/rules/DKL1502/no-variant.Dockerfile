# test: platform=linux/s390x images=images.json
# expect: DKL1502 "Base image example.com/multi:1 offers no variant for platform" severity=error
FROM example.com/multi:1
RUN true
