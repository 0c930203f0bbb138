FROM python:3.12-slim
# expect: DKL1001 "JSON arguments recommended for CMD" fix="Run through /bin/sh with exec"
CMD gunicorn --bind 0.0.0.0:$PORT app:app
# expect: DKL1001 "JSON arguments recommended for CMD"
CMD cd /app && python -m app
