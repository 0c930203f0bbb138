package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.testkit.DockerEngine;
import dev.dockerlint.testkit.DockerEngineExtension;
import dev.dockerlint.testkit.Fixtures;
import dev.dockerlint.testkit.FixturesExtension;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import dev.dockerlint.testkit.Platform;
import dev.dockerlint.testkit.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker Engine reached the way remote engines are: {@code DOCKER_HOST=tcp://...} with {@code
 * DOCKER_TLS_VERIFY=1} and the client certificates in {@code DOCKER_CERT_PATH}. The engine started
 * for the tests listens there too (mutual TLS, a throw-away CA). dockerlint runs as its own process
 * with exactly that environment, as a user's shell would start it.
 */
@ExtendWith({DockerEngineExtension.class, FixturesExtension.class})
class EngineOverTlsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String tlsHost;
  private Path certPath;

  @BeforeEach
  void tlsListener() {
    TestEnvironment env = TestEnvironment.current();
    var host = env.get("DOCKERLINT_TEST_DOCKER_TLS_HOST");
    var certs = env.get("DOCKERLINT_TEST_DOCKER_CERT_PATH");
    if (host.isEmpty() || certs.isEmpty()) {
      String why =
          "the engine's TLS listener is not described in "
              + env.servicesFile()
              + " (DOCKERLINT_TEST_DOCKER_TLS_HOST); start the services with `.ci/services.sh start`";
      if (TestEnvironment.flag(TestEnvironment.REQUIRE_DOCKER)) {
        fail(why);
      }
      assumeTrue(false, why);
    }
    tlsHost = host.get();
    certPath = Path.of(certs.get());
  }

  /** An image only this engine has: a busybox userland and a script that needs bash. */
  private static String loadImage(DockerEngine docker, Fixtures f) {
    return docker.load(
        ImageTarball.builder()
            .platform(Platform.LINUX_AMD64)
            .layer(f.busyboxLayer("amd64"))
            .layer(Layer.builder().file("/needs-bash.sh", "#!/bin/bash\necho hi\n", 0755).build())
            .env("PATH", "/usr/bin:/bin")
            .build());
  }

  private record Run(int exit, String out, String err) {}

  private Run dockerlint(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.dockerlint.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("DOCKER") || k.startsWith("XDG_"));
    e.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    e.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    e.putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("dockerlint did not finish in 120 s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path dockerfile(String tag) throws IOException {
    return Files.writeString(
        dir.resolve("Dockerfile"), "FROM " + tag + "\nENTRYPOINT [\"/needs-bash.sh\"]\n");
  }

  private static List<JsonNode> diagnostics(Run r) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    JSON.readTree(r.out()).path("files").path(0).path("diagnostics").forEach(all::add);
    return all;
  }

  @Test
  void imageFactsComeFromAnEngineOverMutualTls(DockerEngine docker, Fixtures f)
      throws IOException, InterruptedException {
    String tag = loadImage(docker, f);
    Path df = dockerfile(tag);
    Run r =
        dockerlint(
            Map.of(
                "DOCKER_HOST",
                tlsHost,
                "DOCKER_TLS_VERIFY",
                "1",
                "DOCKER_CERT_PATH",
                certPath.toString()),
            "--image-source",
            "docker",
            "--platform",
            "linux/amd64",
            "--format",
            "json",
            df.toString());
    assertThat(r.err()).isEmpty();
    List<JsonNode> d = diagnostics(r);
    assertThat(d).extracting(n -> n.path("code").asText()).contains("DKL1306");
    assertThat(d).extracting(n -> n.path("code").asText()).doesNotContain("DKL1501");
    JsonNode interp =
        d.stream().filter(n -> n.path("code").asText().equals("DKL1306")).findFirst().get();
    assertThat(interp.path("message").asText()).contains("/bin/bash");
    assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
  }

  @Test
  void anEngineWhoseCertificateIsNotTrustedIsNamedAndNothingIsGuessed(
      DockerEngine docker, Fixtures f) throws IOException, InterruptedException {
    String tag = loadImage(docker, f);
    Path df = dockerfile(tag);
    // The client's own certificate as the CA: the engine's certificate does not verify.
    Path wrong = Files.createDirectories(dir.resolve("wrong-ca"));
    Files.copy(certPath.resolve("cert.pem"), wrong.resolve("cert.pem"));
    Files.copy(certPath.resolve("key.pem"), wrong.resolve("key.pem"));
    Files.copy(certPath.resolve("cert.pem"), wrong.resolve("ca.pem"));
    Run r =
        dockerlint(
            Map.of(
                "DOCKER_HOST",
                tlsHost,
                "DOCKER_TLS_VERIFY",
                "1",
                "DOCKER_CERT_PATH",
                wrong.toString()),
            "--image-source",
            "docker",
            "--platform",
            "linux/amd64",
            "--format",
            "json",
            df.toString());
    List<JsonNode> d = diagnostics(r);
    assertThat(d).extracting(n -> n.path("code").asText()).containsExactly("DKL1501");
    assertThat(d.get(0).path("message").asText()).contains(tag).contains(tlsHost.substring(6));
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.exit()).isEqualTo(ExitCode.CLEAN);
  }
}
