FROM scratch
COPY --chmod=755 <<EOF /run.sh
﻿#!/bin/sh
echo hi
EOF
# expect: DKL1302 "byte order mark" fix="Remove the byte order mark"
ENTRYPOINT ["/run.sh"]
