package dev.dockerlint.testkit;

/**
 * Resolves a {@link Fixtures} parameter: the Debian binaries of {@code .ci/fixtures.sh}. Without
 * them, tests are skipped, or fail under {@code -Ddockerlint.requireFixtures=true}.
 */
public final class FixturesExtension extends ServiceExtension<Fixtures> {

  @Override
  Class<Fixtures> type() {
    return Fixtures.class;
  }

  @Override
  String requireProperty() {
    return TestEnvironment.REQUIRE_FIXTURES;
  }

  @Override
  String what() {
    return "the test fixtures";
  }

  @Override
  String remedy() {
    return "Download them with `.ci/fixtures.sh`";
  }

  @Override
  Fixtures open(TestEnvironment environment) {
    return Fixtures.locate(environment);
  }
}
