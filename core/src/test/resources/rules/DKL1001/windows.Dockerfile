# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
# expect: DKL1001 "runs 'cmd /S /C ...'" severity=warning
CMD C:\app\app.exe
