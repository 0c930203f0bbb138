FROM debian:12
# hadolint's documented example
RUN wget http://google.com
# expect: DKL4001 "Either use Wget or Curl but not both"
RUN curl http://bing.com
FROM debian:12
RUN curl http://bing.com
RUN curl http://bing.com
