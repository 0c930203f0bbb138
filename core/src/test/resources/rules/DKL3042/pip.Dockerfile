FROM python:3.12
# hadolint's documented example
# expect: DKL3042 "Avoid use of cache directory with pip"
RUN pip install django==5.0.6
RUN pip install --no-cache-dir django==5.0.6
RUN PIP_NO_CACHE_DIR=1 pip install django==5.0.6
RUN --mount=type=cache,target=/root/.cache/pip pip install django==5.0.6
RUN pipx install poetry==1.8.3
RUN python -m pipenv install
ENV PIP_NO_CACHE_DIR=true
RUN pip install flask==3.0.3
