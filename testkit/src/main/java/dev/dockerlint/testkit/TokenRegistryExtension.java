package dev.dockerlint.testkit;

/**
 * Resolves a {@link TokenAuthRegistry} parameter: the token-flow registry and token server of
 * {@code .ci/services.sh start}. {@code -Ddockerlint.requireDocker=true} makes their absence a
 * failure, as for the other services.
 */
public final class TokenRegistryExtension extends ServiceExtension<TokenAuthRegistry> {

  @Override
  Class<TokenAuthRegistry> type() {
    return TokenAuthRegistry.class;
  }

  @Override
  String requireProperty() {
    return TestEnvironment.REQUIRE_DOCKER;
  }

  @Override
  String what() {
    return "the token-auth registry";
  }

  @Override
  String remedy() {
    return "Start it with `.ci/services.sh start`";
  }

  @Override
  TokenAuthRegistry open(TestEnvironment environment) {
    return TokenAuthRegistry.connect(environment);
  }
}
