FROM python:3.12
# hadolint's documented example
# expect: DKL3013 "Pin versions in pip"
RUN pip install django
RUN pip install django==1.9
RUN pip install --no-cache-dir -r requirements.txt
RUN pip install --requirement requirements.txt
RUN pip install .
RUN pip install -c constraints.txt django
RUN pip install "django>=4,<5" 'requests~=2.31'
RUN pip install git+https://github.com/org/repo@v1.0
RUN pip install ./dist/app-1.0-py3-none-any.whl
RUN pip install -e ./src
RUN pip install --index-url https://example.com/simple flask==3.0
RUN pipenv install requests
RUN pip install $PACKAGES
# expect: DKL3013 "(unpinned: pip, setuptools)"
RUN python3 -m pip install --upgrade pip setuptools wheel==0.43
