FROM scratch
COPY --chmod=755 <<EOF /opt/tools/bin/tool
#!/opt/tools/bin/tool
EOF
COPY <<EOF /usr/local/bin/report
#!/opt/tools/bin/tool
EOF
# expect: DKL1305 "'tool' is in no directory of PATH (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)" predicts="executable file not found in $PATH" severity=error
RUN ["tool", "--version"]
# expect: DKL1305 "/usr/local/bin/report is not executable" predicts="executable file not found in $PATH"
RUN ["report"]
ENV PATH=/opt/tools/bin:$PATH
RUN ["tool", "--version"]
# expect: DKL1305 "'curl' is in no directory of PATH (/opt/tools/bin:/usr/local/sbin" predicts="executable file not found in $PATH"
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
CMD ["tool"]
