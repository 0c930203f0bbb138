# test: label=com.example.maintainer-email:email
FROM debian:12
# expect: DKL3058 "is not a valid email format - must conform to RFC5322."
LABEL com.example.maintainer-email="jane at example.com"
LABEL com.example.maintainer-email="jane.doe+docker@example.com"
