# syntax=docker/dockerfile:1
# dockerlint's own image: docker run --rm -v "$PWD:/work" dockerlint Dockerfile
#
#   docker build -t dockerlint .
#
# Stage 1 builds the jar with Maven; stage 2 is a JRE with the jar, an AppCDS archive made by
# that very JRE (so it matches), and a non-root user. The image lints /work by default.
ARG JDK_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY grammar/ grammar/
COPY core/ core/
COPY cli/ cli/
COPY testkit/ testkit/
RUN mvn -B -q -DskipTests -Ddockerlint.cds.skip=true -pl cli -am package

FROM ${JRE_IMAGE}
LABEL org.opencontainers.image.title="dockerlint" \
      org.opencontainers.image.description="Dockerfile linter that predicts container start failures"
WORKDIR /opt/dockerlint
COPY --from=build /src/cli/target/dockerlint.jar ./dockerlint.jar
COPY --from=build /src/cli/src/cds/ ./cds/
COPY --chmod=755 cli/src/docker/dockerlint /usr/local/bin/dockerlint
# the AppCDS archive, recorded by a training run of this JRE (a mismatch would only cost speed)
RUN java -XX:ArchiveClassesAtExit=/opt/dockerlint/dockerlint.jsa -XX:+UseSerialGC \
        -XX:TieredStopAtLevel=1 -jar /opt/dockerlint/dockerlint.jar check --no-fail \
        --config /opt/dockerlint/cds/dockerlint.yaml /opt/dockerlint/cds/training.Dockerfile \
    && test -s /opt/dockerlint/dockerlint.jsa \
    && chmod 0444 /opt/dockerlint/dockerlint.jsa
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/dockerlint"]
CMD ["check", "."]
