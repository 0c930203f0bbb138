# test: platform=linux/amd64 images=images.json
# 386 runs on amd64: BuildKit still warns, but nothing fails
# expect: DKL1502 "was pulled with platform \"linux/386\"" severity=warning predicts=null
FROM example.com/i386:1 AS old
RUN true

FROM example.com/multi:1 AS fine
RUN true

FROM --platform=linux/arm64 example.com/multi:1 AS armfine
RUN true

# unreachable: never built, never reported
FROM example.com/armonly:1 AS unused

# unknown images are never guessed about
FROM example.com/private:1
COPY --from=old / /old
COPY --from=fine / /fine
COPY --from=armfine / /armfine
