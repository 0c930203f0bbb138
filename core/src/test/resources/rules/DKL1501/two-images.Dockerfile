# test: images=images.json
FROM example.com/base:1 AS a
RUN true

# expect: DKL1501 "Could not inspect 2 base images"
FROM example.com/slow:1 AS b
COPY --from=a / /

FROM example.com/private:1
COPY --from=b / /
