# The message names the file to fix in the build context.
# test: context=ctx
FROM scratch
COPY --chmod=755 entrypoint.sh empty.sh good.sh /usr/local/bin/
# expect: DKL1301 "add '#!/bin/sh' (or the interpreter it needs) as the first line to entrypoint.sh" predicts="exec format error"
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
# expect: DKL1301 "'/usr/local/bin/empty.sh' is an empty file"
RUN ["/usr/local/bin/empty.sh"]
RUN ["/usr/local/bin/good.sh"]
