ARG base=scratch
ARG DEBUG
FROM $base
FROM scratch${DEBUG} AS b
FROM scra${DEBUG:-tch} AS c
