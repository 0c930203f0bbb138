# test: context=ctx
FROM scratch
COPY --chmod=755 env.sh with-argument.sh lf-shebang.sh /usr/local/bin/
# expect: DKL1303 "env looks for 'bash\r'" predicts="no such file or directory"
RUN ["/usr/local/bin/env.sh"]
# expect: DKL1303 "'/bin/sh' gets the argument '-e\r'" predicts="null"
RUN ["/usr/local/bin/with-argument.sh"]
# Only the #! line matters to the kernel.
CMD ["/usr/local/bin/lf-shebang.sh"]
