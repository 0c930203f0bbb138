# test: platform=linux/amd64 images=images.json
# expect: DKL1502 "Base image example.com/armonly:1 was pulled with platform" predicts="exec format error"
FROM example.com/armonly:1 AS build
RUN make

# the stage's own --platform counts, not the target's
# expect: DKL1502 "expected \"linux/arm64\" for current build" predicts="exec format error"
FROM --platform=linux/arm64 example.com/i386:1
COPY --from=build /out /out
