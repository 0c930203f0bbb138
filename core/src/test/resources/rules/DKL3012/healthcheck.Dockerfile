FROM debian:12
# the earlier one is ignored: that is where it is reported (hadolint reports the later one)
# expect: DKL3012 "Multiple HEALTHCHECK instructions should not be used in the same stage"
HEALTHCHECK CMD /bin/bad
HEALTHCHECK CMD /bin/good
FROM debian:12
HEALTHCHECK CMD /bin/good
