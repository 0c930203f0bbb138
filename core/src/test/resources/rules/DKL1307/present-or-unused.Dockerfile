FROM scratch AS copied
COPY --chmod=755 <<EOF /bin/bash
#!/bin/bash
EOF
SHELL ["/bin/bash", "-c"]
RUN echo "bash is there"

# Not used by any shell-form instruction: nothing fails.
FROM scratch AS unused
SHELL ["/bin/bash", "-c"]

# The base image's shells are not known without an image source.
FROM alpine:3.20
SHELL ["/bin/bash", "-c"]
RUN echo hi
