# test: context=ctx
# the model follows what COPY takes from the build context: tools/ brings a sh, so only the signal
# warning is left
FROM scratch
COPY tools/ /bin/
COPY app /app
# expect: DKL1001 "JSON arguments recommended for CMD" severity=warning
CMD /app
