# test: platform=linux/arm64 build-platform=linux/amd64
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /source
COPY . .
# expect: DKL1203 "'dotnet publish' compiles for linux/arm64" fix="Cross-compile"
RUN dotnet publish -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:8.0
COPY --from=build /app /app
ENTRYPOINT ["dotnet", "/app/app.dll"]
