# test: context=ctx
FROM scratch
COPY --chmod=755 tool.exe tool.o /app/
# expect: DKL1300 "is a Windows executable (PE)" predicts="exec format error"
RUN ["/app/tool.exe"]
# expect: DKL1300 "is an ELF rel file, not an executable" predicts="exec format error"
HEALTHCHECK CMD ["/app/tool.o"]
