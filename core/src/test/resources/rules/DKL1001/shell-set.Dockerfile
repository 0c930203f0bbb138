# BuildKit's JSONArgsRecommended stays quiet when a SHELL is set: the shell is a choice
FROM alpine:3.20 AS base
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
CMD mycommand

FROM base
ENTRYPOINT mycommand
