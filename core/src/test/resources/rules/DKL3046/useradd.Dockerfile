FROM debian:12
# hadolint's documented example
# expect: DKL3046 "`useradd` without flag `-l` and high UID"
RUN useradd -u 123456 foobar
RUN useradd -l -u 123456 foobar
RUN useradd --no-log-init -u 123456 foobar
RUN useradd -u 12345 foobar
# expect: DKL3046
RUN useradd --uid=1000000 app
RUN useradd app
