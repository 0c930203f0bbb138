FROM python:3.12 AS base
ENV PIP_NO_CACHE_DIR=1
FROM base
# inherits the ENV of its base stage
RUN pip install flask==3.0.3
FROM python:3.12
# expect: DKL3042
RUN pip3 install flask==3.0.3
