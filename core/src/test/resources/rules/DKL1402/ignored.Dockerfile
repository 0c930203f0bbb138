# test: context=ctx
FROM alpine:3.20
# expect: DKL1402 "Attempting to Copy file \"secrets/api.key\" that is excluded by .dockerignore" severity=warning
COPY secrets/api.key /run/secrets/
# expect: DKL1402 "the COPY at line 6 fails with \"/NOTES.md\": not found; remove the pattern or add an exception ('!NOTES.md') to .dockerignore"
COPY NOTES.md /usr/share/doc/
COPY README.md /usr/share/doc/
# A wildcard leaves excluded files out silently.
COPY docs/*.md /usr/share/doc/
