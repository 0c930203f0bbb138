FROM debian:12
ARG version=1
RUN echo $version
# expect: DKL6000 "SC3010: In POSIX sh, [[ ]] is undefined." severity=info
RUN [[ -n "$version" ]] && echo ok
# the finding is on the continuation line, where the word is
# expect: DKL6000 "SC2154: undefined_lower is referenced but not assigned." severity=info
RUN true && \
    echo "$undefined_lower"
# a heredoc script in the dialect of its own shebang
RUN <<EOF
#!/bin/bash
[[ -n "$version" ]] && echo ok
EOF
SHELL ["/bin/bash", "-c"]
RUN [[ -n "$version" ]] && echo ok
# not a POSIX shell: not checked
SHELL ["pwsh", "-Command"]
RUN [[ what ever ]]
