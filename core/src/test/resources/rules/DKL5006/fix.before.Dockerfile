FROM scratch
# expect: DKL5006
ENV APP_HOME /opt/app
# expect: DKL5006
LABEL maintainer Jane Doe
