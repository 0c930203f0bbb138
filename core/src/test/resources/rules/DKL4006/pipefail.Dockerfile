FROM debian:12
# hadolint's documented example
# expect: DKL4006 "Set the SHELL option -o pipefail before RUN with a pipe in it"
RUN wget -O - https://some.site | wc -l > /number
RUN wget -O - https://some.site || echo failed
# setting pipefail in the script before the pipe is enough (hadolint reports it)
RUN set -o pipefail && wget -O - https://some.site | wc -l > /number
RUN set -euxo pipefail; wget -O - https://some.site | wc -l > /number
# expect: DKL4006
RUN wget -O - https://some.site | wc -l > /number; set -o pipefail
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -O - https://some.site | wc -l > /number
FROM debian:12
# the SHELL of another stage does not count
# expect: DKL4006 "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"
RUN wget -O - https://some.site | wc -l > /number
SHELL ["pwsh", "-c"]
RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value
FROM debian:12
# pipes pipefail would not change (hadolint reports them)
RUN echo "$SHA256 *file.tgz" | sha256sum -c -
RUN printf '%s\n' a b | sort
RUN yes | adduser app
RUN cat <<'X' | tee /etc/motd
hello
X
RUN export URL="$(curl -fsSL https://example.com/latest | head -n1)"
# expect: DKL4006
RUN echo start && cat /etc/passwd | grep root
RUN { echo '[global]'; printf 'daemonize = %s\n' no; } | tee /etc/php-fpm.d/docker.conf
# expect: DKL4006
RUN { echo '[global]'; cat /etc/php-fpm.conf; } | tee /etc/php-fpm.d/docker.conf
