# Without build arguments the rule reads the model it is given: the same findings.
ARG VERSION
ARG IMAGE
ARG GOOD="latest"
# expect: DKL5007 "Default value for ARG busybox:$VERSION results in empty or invalid base image name"
FROM busybox:$VERSION
# expect: DKL5007 "ARG $IMAGE"
FROM $IMAGE
FROM busybox:${GOOD}
