FROM debian:12
# hadolint's documented example
# expect: DKL3047 "Avoid use of wget without progress bar"
RUN wget https://example.com/big_file.tar
RUN wget --progress=dot:giga https://example.com/big_file.tar
RUN wget -q https://example.com/big_file.tar
RUN wget -nv https://example.com/big_file.tar
RUN wget -qO- https://example.com/x | sh
RUN wget -o /tmp/wget.log https://example.com/big_file.tar
