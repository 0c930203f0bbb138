FROM busybox:1.36
# hadolint's documented example
# expect: DKL4004 "Multiple ENTRYPOINT instructions should not be used in the same stage"
ENTRYPOINT /bin/true
ENTRYPOINT /bin/false
FROM busybox:1.36
ENTRYPOINT ["/bin/true"]
