# escape=`
# test: platform=linux/arm64 build-platform=linux/amd64
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN powershell -Command Write-Host hi
