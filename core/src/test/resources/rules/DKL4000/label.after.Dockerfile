FROM alpine
# expect: DKL4000
LABEL org.opencontainers.image.authors="Jane \"JD\" Doe <jane@example.com>"
RUN true
