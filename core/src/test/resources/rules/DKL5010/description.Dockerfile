# check=experimental=InvalidDefinitionDescription
# bar this is the bar
# expect: DKL5010 "Comment for ARG should follow the format: `# foo <description>`"
ARG foo=bar
# BasE this is the BasE image
# expect: DKL5010 "Comment for FROM should follow the format: `# base <description>`"
FROM scratch AS base
# definitely a bad comment
# expect: DKL5010 "`# <arg_key> <description>`"
ARG foo=baz bar=qux baz=quux
# version the version to build
ARG version=latest
# an empty comment line right above ends the description
#
ARG bit=bat
