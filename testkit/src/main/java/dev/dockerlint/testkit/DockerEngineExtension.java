package dev.dockerlint.testkit;

/**
 * Resolves a {@link DockerEngine} parameter: the engine at {@code DOCKER_HOST} (from the
 * environment or {@code $DOCKERLINT_STATE/services.env}). Without one, tests are skipped, or fail
 * under {@code -Ddockerlint.requireDocker=true}.
 *
 * <pre>{@code
 * @ExtendWith(DockerEngineExtension.class)
 * class MyTest {
 *   @Test void runs(DockerEngine docker) { ... }
 * }
 * }</pre>
 */
public final class DockerEngineExtension extends ServiceExtension<DockerEngine> {

  @Override
  Class<DockerEngine> type() {
    return DockerEngine.class;
  }

  @Override
  String requireProperty() {
    return TestEnvironment.REQUIRE_DOCKER;
  }

  @Override
  String what() {
    return "a Docker Engine";
  }

  @Override
  String remedy() {
    return "Start one with `.ci/services.sh start`, or set DOCKER_HOST";
  }

  @Override
  DockerEngine open(TestEnvironment environment) {
    return DockerEngine.connect(environment);
  }
}
