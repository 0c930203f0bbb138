# test: context=ctx
FROM scratch
COPY --chmod=755 blank-shebang.sh /run.sh
# expect: DKL1301 "has a '#!' line the kernel rejects" predicts="exec format error"
CMD ["/run.sh"]
