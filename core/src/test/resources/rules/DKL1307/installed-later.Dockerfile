# The SHELL is checked where it is first used, after the RUN that installs it.
FROM scratch
COPY --chmod=755 <<EOF /bin/sh
#!/bin/sh
EOF
SHELL ["/bin/bash", "-c"]
RUN ["/bin/sh", "-c", "apk add --no-cache bash"]
RUN echo "bash is there now"
