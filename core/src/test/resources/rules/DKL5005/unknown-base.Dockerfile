FROM alpine
# used before its ARG: reported even though alpine's environment is unknown here
# expect: DKL5005 "Usage of undefined variable '$foo'"
COPY $foo .
ARG foo=bar
RUN echo $foo
ARG DIR_ASSETS=assets/
# a near miss of a defined name
# expect: DKL5005 "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)"
COPY $DIR_ASSET .
ENV PATH=/opt/bin:$PATH
# alpine's environment is not known here: it may define JAVA_HOME
COPY $JAVA_HOME/lib /lib
RUN echo $UNDEFINED_IN_RUN
FROM alpine AS base
ARG foo=Dockerfile
FROM base
COPY $foo .
