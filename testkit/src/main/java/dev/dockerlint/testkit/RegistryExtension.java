package dev.dockerlint.testkit;

/**
 * Resolves a {@link TestRegistries} parameter: the loopback registries of {@code .ci/services.sh
 * start}. They are services like the Docker Engine, so {@code -Ddockerlint.requireDocker=true}
 * makes their absence a failure too.
 */
public final class RegistryExtension extends ServiceExtension<TestRegistries> {

  @Override
  Class<TestRegistries> type() {
    return TestRegistries.class;
  }

  @Override
  String requireProperty() {
    return TestEnvironment.REQUIRE_DOCKER;
  }

  @Override
  String what() {
    return "the test registries";
  }

  @Override
  String remedy() {
    return "Start them with `.ci/services.sh start`";
  }

  @Override
  TestRegistries open(TestEnvironment environment) {
    return TestRegistries.connect(environment);
  }
}
