FROM alpine:3.20
# expect: DKL4006 "SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]"
RUN wget -O - https://some.site | wc -l > /number
# /bin/sh is BusyBox ash here, which knows pipefail (hadolint reports this)
SHELL ["/bin/sh", "-o", "pipefail", "-c"]
RUN wget -O - https://some.site | wc -l > /number
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN wget -O - https://some.site | wc -l > /number
