package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dockerlint --format json --context DIR DIR/Dockerfile} names the runtime error in {@code
 * predicts} for every rule that foresees one. The foreign platform is linux/s390x, which no build
 * machine running these tests is.
 */
class PredictsInJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<Arguments> predictingRules() {
    return Stream.of(
        Arguments.of(
            "DKL1001",
            "no such file or directory",
            "FROM scratch\nCOPY app /app\nCMD /app serve\n",
            List.of()),
        Arguments.of(
            "DKL1002",
            "no such file or directory",
            "FROM scratch\nCOPY busybox /busybox\nRUN /busybox mkdir /data\n",
            List.of()),
        Arguments.of(
            "DKL1101",
            "exec format error",
            "FROM --platform=linux/s390x alpine:3.20\nCMD [\"sh\"]\n",
            List.of()),
        Arguments.of(
            "DKL1103",
            "exec format error",
            "FROM --platform=$BUILDPLATFORM alpine:3.20\nCMD [\"sh\"]\n",
            List.of()),
        Arguments.of("DKL1104", "exec format error", "FROM s390x/alpine:3.20\n", List.of()),
        Arguments.of(
            "DKL1105",
            "exec format error",
            "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
            List.of("--platform", "linux/s390x")),
        Arguments.of(
            "DKL1201",
            "exec format error",
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build -o /out/app .\n"
                + "FROM scratch\nCOPY --from=build /out/app /app\n",
            List.of()),
        Arguments.of(
            "DKL1202",
            "exec format error",
            "FROM debian:bookworm-slim\n"
                + "RUN curl -fsSLo /usr/local/bin/tool https://example.com/tool-linux-s390x\n",
            List.of()),
        Arguments.of(
            "DKL1204",
            "exec format error",
            "FROM --platform=linux/s390x alpine:3.20 AS tools\nRUN apk add --no-cache jq\n"
                + "FROM alpine:3.20\nCOPY --from=tools /usr/bin/jq /usr/bin/jq\n",
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("predictingRules")
  void jsonNamesThePredictedError(
      String code, String predicts, String dockerfile, List<String> options) throws IOException {
    Path context = Files.createDirectories(dir.resolve("context"));
    Path file = Files.writeString(context.resolve("Dockerfile"), dockerfile);
    List<String> args =
        new ArrayList<>(List.of("--format", "json", "--context", context.toString()));
    args.addAll(options);
    args.add(file.toString());

    CliRun r = CliRun.run(args.toArray(String[]::new));

    List<String> found = new ArrayList<>();
    for (JsonNode d : JSON.readTree(r.out()).get("files").get(0).get("diagnostics")) {
      if (d.get("code").asText().equals(code)) {
        found.add(d.get("predicts").asText());
      }
    }
    assertThat(found).as(r.out()).containsExactly(predicts);
  }
}
