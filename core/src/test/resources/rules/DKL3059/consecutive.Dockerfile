FROM debian:12
# hadolint's documented example
RUN apt-get update
# expect: DKL3059 "Multiple consecutive `RUN` instructions. Consider consolidation."
RUN apt-get install -y --no-install-recommends curl=7.88.1-10
# a comment does not separate them
# expect: DKL3059
RUN echo one
WORKDIR /app
RUN echo two
RUN --mount=type=cache,target=/root/.cache echo three
RUN echo a && echo b && echo c
RUN echo four
# heredoc scripts are steps of their own (hadolint reports them)
RUN <<EOF
echo five
EOF
RUN <<EOF
echo six
EOF
