# RUN executes on the build machine: a binary for the stage's platform or for the
# build machine runs; anything else does not.
# test: context=ctx platform=linux/arm64 build-platform=linux/amd64
FROM scratch
COPY --chmod=755 tool-arm64 tool-amd64 tool-s390x /bin/
RUN ["/bin/tool-arm64"]
RUN ["/bin/tool-amd64"]
# expect: DKL1300 "this stage builds for linux/arm64" predicts="exec format error"
RUN ["/bin/tool-s390x"]
