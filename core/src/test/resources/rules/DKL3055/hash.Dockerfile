# test: label=org.opencontainers.image.revision:hash
FROM debian:12
# expect: DKL3055 "is not a valid git hash."
LABEL org.opencontainers.image.revision="main"
LABEL org.opencontainers.image.revision="2f2b3a1"
LABEL org.opencontainers.image.revision="2f2b3a1c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a"
