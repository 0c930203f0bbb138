#!/bin/bash
set -euo pipefail
echo "needs bash"
