# pinned by --platform, by an architecture namespace, or by an architecture in the tag
FROM --platform=linux/amd64 debian:bookworm-slim AS pinned
RUN curl -fsSLo /tmp/t.zip https://releases.hashicorp.com/terraform/1.9.0/terraform_1.9.0_linux_amd64.zip

FROM amd64/buildpack-deps:bookworm-curl AS namespace
RUN curl -fsSL https://dot.net/dotnet-runtime-8.0.0-linux-x64.tar.gz | tar -xz -C /dotnet

FROM mcr.microsoft.com/dotnet/runtime:8.0-jammy-amd64 AS tagged
RUN curl -fsSL https://dot.net/aspnetcore-runtime-8.0.0-linux-x64.tar.gz | tar -xz -C /dotnet

# the architecture is chosen at build time, or several are handled
FROM debian:bookworm-slim AS chosen
ARG TARGETARCH
RUN curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/release/v1.30.0/bin/linux/${TARGETARCH}/kubectl
RUN dpkgArch="$(dpkg --print-architecture)"; \
    case "$dpkgArch" in amd64) url=https://x.example/tool-linux-amd64 ;; arm64) url=https://x.example/tool-linux-arm64 ;; esac; \
    curl -fsSLo /usr/local/bin/tool "$url"
RUN curl -fsSLo /tmp/a https://x.example/a-amd64 && curl -fsSLo /tmp/b https://x.example/b-arm64

# not Linux programs, checksums and documentation
FROM debian:bookworm-slim AS other
RUN curl -fsSLO https://github.com/PowerShell/PowerShell/releases/download/v7.4.0/PowerShell-7.4.0-win-x64.zip
RUN curl -fsSLO https://example.com/tool-linux-amd64.sha256
RUN echo "see https://pkgs.alpinelinux.org/packages?arch=x86_64"

FROM scratch
COPY --from=pinned /tmp/t.zip /
COPY --from=namespace /dotnet /
COPY --from=tagged /dotnet /
COPY --from=chosen /usr/local/bin /
COPY --from=other /tmp /
