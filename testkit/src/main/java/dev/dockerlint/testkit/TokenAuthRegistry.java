package dev.dockerlint.testkit;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The registry of {@code .ci/services.sh start} that uses the token flow ({@code auth: token}), and
 * the realm of its {@link TokenServer}. Kept apart from {@link TestRegistries}: the token flow is
 * an extra, and nothing else depends on it.
 *
 * @param registry the registry at {@code DOCKERLINT_TEST_TOKEN_REGISTRY} with {@code
 *     DOCKERLINT_TEST_AUTH_USER} and {@code DOCKERLINT_TEST_AUTH_PASSWORD}
 * @param realm {@code DOCKERLINT_TEST_TOKEN_REALM}, where clients get tokens
 */
public record TokenAuthRegistry(Registry registry, String realm) {

  /**
   * Finds the registry and checks that it challenges with its realm.
   *
   * @throws ServiceUnavailableException when a variable is missing or it does not answer so
   */
  public static TokenAuthRegistry connect(TestEnvironment environment) {
    String address = require(environment, "DOCKERLINT_TEST_TOKEN_REGISTRY");
    String realm = require(environment, "DOCKERLINT_TEST_TOKEN_REALM");
    Registry registry =
        Registry.withCredentials(
            address,
            require(environment, "DOCKERLINT_TEST_AUTH_USER"),
            require(environment, "DOCKERLINT_TEST_AUTH_PASSWORD"));
    try {
      Registry.Response response = registry.anonymously().get("/v2/", List.of());
      String challenge = response.header("www-authenticate").orElse("");
      if (response.status() != 401 || !challenge.contains("realm=\"" + realm + "\"")) {
        throw new ServiceUnavailableException(
            "registry " + address + " answered " + response.status() + " '" + challenge + "'");
      }
      if (registry.get("/v2/", List.of()).status() != 200) {
        throw new ServiceUnavailableException("no token from " + realm + " admits /v2/");
      }
    } catch (UncheckedIOException e) {
      throw new ServiceUnavailableException(
          "no registry or token server answers at " + address + ": " + e.getCause());
    }
    return new TokenAuthRegistry(registry, realm);
  }

  private static String require(TestEnvironment environment, String name) {
    return environment
        .get(name)
        .orElseThrow(
            () ->
                new ServiceUnavailableException(
                    name + " is not set and " + environment.servicesFile() + " does not have it"));
  }
}
