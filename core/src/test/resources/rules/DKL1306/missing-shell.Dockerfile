# test: context=ctx
FROM scratch
COPY --chmod=755 static-amd64 /bin/sh
COPY --chmod=755 entrypoint.sh /entrypoint.sh
# expect: DKL1306 "'/entrypoint.sh' starts with '#!/bin/bash', and /bin/bash does not exist in this stage (FROM scratch starts with an empty filesystem)" predicts="no such file or directory" severity=error
ENTRYPOINT ["/entrypoint.sh"]
