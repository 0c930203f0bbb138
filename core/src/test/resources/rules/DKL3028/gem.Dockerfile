FROM ruby:3.3
# hadolint's documented example
# expect: DKL3028 "Pin versions in gem install"
RUN gem install bundler
RUN gem install bundler:2.5.10
RUN gem install bundler -v 2.5.10
RUN gem install bundler --version=2.5.10
# expect: DKL3028 "(unpinned: rake)"
RUN gem install --no-document rake
RUN gem install --install-dir /gems rake:13.2.1
RUN gem install $GEMS
