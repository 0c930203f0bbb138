FROM busybox:1.36
# hadolint's documented example
# expect: DKL4003 "Multiple CMD instructions should not be used in the same stage"
CMD /bin/true
CMD /bin/false
FROM busybox:1.36 AS a
CMD ["/myapp"]
FROM a
CMD ["/myotherapp"]
