FROM scratch AS first
# expect: DKL5005 "Usage of undefined variable '$foo'"
COPY $foo .
ARG bar
COPY Dockerfile${bar} .
ENV BAZ=x
COPY $BAZ $PATH/x .
FROM first
COPY $BAZ .
