# syntax=docker/dockerfile:1
# dockerlint's own image: docker run --rm -v "$PWD:/work" dockerlint Dockerfile
#
#   docker build -t dockerlint .
#
# Stage 1 builds the jar with Maven; stage 2 is a JRE with the jar, AppCDS archives made by
# that very JRE (so they match), and a non-root user. The image lints /work by default.
ARG JDK_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY grammar/ grammar/
COPY core/ core/
COPY lsp-server/ lsp-server/
COPY cli/ cli/
COPY testkit/ testkit/
RUN mvn -B -q -DskipTests -Ddockerlint.cds.skip=true -pl cli -am package

FROM ${JRE_IMAGE}
LABEL org.opencontainers.image.title="dockerlint" \
      org.opencontainers.image.description="Dockerfile linter that predicts container start failures"
WORKDIR /opt/dockerlint
COPY --from=build /src/cli/target/dockerlint.jar ./dockerlint.jar
COPY --from=build /src/cli/src/cds/ ./cds/
COPY cli/src/main/jvm/ ./jvm/
COPY --chmod=755 cli/src/docker/dockerlint /usr/local/bin/dockerlint
# the AppCDS archives, recorded by training runs of this JRE as the build does (cli/pom.xml): a
# static one from the class list of a first run, a dynamic one on top from a second run (a
# mismatch would only cost speed)
RUN export XDG_CACHE_HOME=/tmp/cds/cache \
    && java -XX:DumpLoadedClassList=/tmp/cds/classes.raw @/opt/dockerlint/jvm/cli.options \
        -cp /opt/dockerlint/dockerlint.jar dev.dockerlint.cli.CdsTraining /opt/dockerlint/cds /tmp/cds \
    && java -cp /opt/dockerlint/dockerlint.jar dev.dockerlint.cli.CdsTraining --class-list \
        /tmp/cds/classes.raw /tmp/cds/classes.lst \
    && java -Xshare:dump -Xlog:cds=off -XX:SharedClassListFile=/tmp/cds/classes.lst \
        -XX:SharedArchiveFile=/opt/dockerlint/dockerlint-base.jsa -cp /opt/dockerlint/dockerlint.jar \
    && java -XX:SharedArchiveFile=/opt/dockerlint/dockerlint-base.jsa \
        -XX:ArchiveClassesAtExit=/opt/dockerlint/dockerlint.jsa @/opt/dockerlint/jvm/cli.options \
        -Xlog:cds=off -Xlog:cds+dynamic=off \
        -cp /opt/dockerlint/dockerlint.jar dev.dockerlint.cli.CdsTraining /opt/dockerlint/cds /tmp/cds \
    && test -s /opt/dockerlint/dockerlint-base.jsa && test -s /opt/dockerlint/dockerlint.jsa \
    && chmod 0444 /opt/dockerlint/dockerlint-base.jsa /opt/dockerlint/dockerlint.jsa \
    && rm -rf /tmp/cds
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/dockerlint"]
CMD ["check", "."]
