package dev.dockerlint.testkit;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The two registries {@code .ci/services.sh start} runs on loopback: one anonymous, one that
 * requires htpasswd basic auth.
 *
 * @param anonymous the registry at {@code DOCKERLINT_TEST_REGISTRY}
 * @param authenticated the registry at {@code DOCKERLINT_TEST_AUTH_REGISTRY}, with {@code
 *     DOCKERLINT_TEST_AUTH_USER} and {@code DOCKERLINT_TEST_AUTH_PASSWORD}
 */
public record TestRegistries(Registry anonymous, Registry authenticated) {

  /**
   * Finds the registries and checks that they answer as they should.
   *
   * @throws ServiceUnavailableException when a variable is missing or a registry does not answer
   */
  public static TestRegistries connect(TestEnvironment environment) {
    Registry anonymous = Registry.anonymous(require(environment, "DOCKERLINT_TEST_REGISTRY"));
    Registry authenticated =
        Registry.withCredentials(
            require(environment, "DOCKERLINT_TEST_AUTH_REGISTRY"),
            require(environment, "DOCKERLINT_TEST_AUTH_USER"),
            require(environment, "DOCKERLINT_TEST_AUTH_PASSWORD"));
    probe(anonymous, 200);
    probe(authenticated, 200);
    return new TestRegistries(anonymous, authenticated);
  }

  private static String require(TestEnvironment environment, String name) {
    return environment
        .get(name)
        .orElseThrow(
            () ->
                new ServiceUnavailableException(
                    name + " is not set and " + environment.servicesFile() + " does not have it"));
  }

  private static void probe(Registry registry, int status) {
    try {
      Registry.Response response = registry.get("/v2/", List.of());
      if (response.status() != status) {
        throw new ServiceUnavailableException(
            "registry " + registry.address() + " answered HTTP " + response.status() + " to /v2/");
      }
    } catch (UncheckedIOException e) {
      throw new ServiceUnavailableException(
          "no registry answers at " + registry.address() + ": " + e.getCause());
    }
  }
}
