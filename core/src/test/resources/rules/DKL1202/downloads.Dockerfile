FROM debian:bookworm-slim
# expect: DKL1202 "'amd64' in the URL https://releases.hashicorp.com/terraform/1.9.0/terraform_1.9.0_linux_amd64.zip hard-codes amd64, but the stage is built for the target platform (linux/amd64 in this build)" predicts="exec format error" severity=warning
RUN curl -fsSLo /tmp/terraform.zip https://releases.hashicorp.com/terraform/1.9.0/terraform_1.9.0_linux_amd64.zip \
    && unzip /tmp/terraform.zip -d /usr/local/bin
# expect: DKL1202 "'x86_64' in the URL"
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static-x86_64 /tini
# a package: the package manager refuses it, no exec format error
# expect: DKL1202 "the package manager refuses the amd64 package" predicts="null"
RUN curl -fsSLo /tmp/app.deb https://example.com/app_1.0_amd64.deb && dpkg -i /tmp/app.deb
# expect: DKL1202 "GOARCH=amd64 hard-codes amd64"
RUN CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o /app .
