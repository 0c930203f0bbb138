FROM scratch AS tools
COPY tool /tool
# expect: DKL1001 "a container of this stage's image would fail to start" predicts="no such file or directory" severity=warning
CMD /tool

FROM alpine:3.20
COPY --from=tools /tool /usr/local/bin/tool
CMD ["tool"]
