FROM scratch
COPY --chmod=755 <<EOF /run.sh
#!/bin/sh
echo "hello"
EOF
ENTRYPOINT ["/run.sh"]
