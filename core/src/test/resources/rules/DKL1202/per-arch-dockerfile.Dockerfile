# a Dockerfile for one architecture: its final image is pinned to amd64 by its tag
ARG REPO=mcr.microsoft.com/dotnet/runtime
FROM mcr.microsoft.com/azurelinux/base/core:3.0 AS installer
RUN curl -fsSL --remote-name https://builds.dotnet.microsoft.com/dotnet/aspnetcore/Runtime/8.0.0/aspnetcore-runtime-8.0.0-linux-x64.tar.gz

FROM $REPO:8.0.0-azurelinux3.0-distroless-amd64
COPY --from=installer /dotnet /usr/share/dotnet
