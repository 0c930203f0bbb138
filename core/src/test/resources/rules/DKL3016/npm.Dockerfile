FROM node:20
# hadolint's documented example
# expect: DKL3016 "Pin versions in npm"
RUN npm install express
RUN npm install express@4.1.1
RUN npm install
RUN npm install --production
RUN npm install @angular/cli@17.3.0
# expect: DKL3016 "(unpinned: @angular/cli)"
RUN npm install -g @angular/cli
RUN npm install git+https://github.com/org/repo.git#v1.0.0
RUN npm install ./local-package
RUN npm install package.tgz
RUN npm --loglevel warn install sax@0.1.1
RUN npm ci
