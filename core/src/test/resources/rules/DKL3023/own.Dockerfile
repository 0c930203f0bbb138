# hadolint's documented example
FROM debian:jesse AS build
# expect: DKL3023 "cannot reference its own `FROM` alias"
COPY --from=build some/path /usr/local/bin/
# expect: DKL3023
COPY --from=0 /a /b

FROM debian:jesse AS build2
COPY --from=build some/path /usr/local/bin/
