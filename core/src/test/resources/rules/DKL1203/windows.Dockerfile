# test: platform=linux/arm64 build-platform=linux/amd64
# a Windows Dockerfile linted for a Linux target: not this rule's business
FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022 AS build
RUN dotnet publish -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
COPY --from=build /app /app
