FROM debian:12
# hadolint's documented example
# expect: DKL3044 "Do not refer to an environment variable within the same `ENV` statement"
ENV FOO=bar BAR=${FOO}/baz
ENV PATH=/opt/bin:$PATH
ENV A=1
ENV A=2 B=$A
ENV X=1 Y=$XY
# expect: DKL3044 "$DIR here is its value from before this ENV"
ENV DIR=/opt DATA=$DIR/data
