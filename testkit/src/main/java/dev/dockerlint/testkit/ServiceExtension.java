package dev.dockerlint.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a real component for tests, skipping them when it is missing, or failing them when the
 * system property {@link #requireProperty()} is {@code true} (CI sets it, so a broken setup can
 * never pass as "all skipped").
 *
 * <p>Whether the component is there is checked once per test run; the resolved object lives as long
 * as the test class, and is closed after it if it is {@link AutoCloseable}.
 *
 * @param <T> the type tests declare as a parameter
 */
abstract class ServiceExtension<T>
    implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ServiceExtension.class);

  /** Whether the component is there: empty, or why not. */
  private record Probe(Optional<String> missing) {}

  /** The parameter type this extension resolves. */
  abstract Class<T> type();

  /** The system property that turns a skip into a failure. */
  abstract String requireProperty();

  /** What the component is, for messages: "a Docker Engine". */
  abstract String what();

  /** How to provide the component, for messages. */
  abstract String remedy();

  /**
   * Connects to the component.
   *
   * @throws ServiceUnavailableException if it is not there
   */
  abstract T open(TestEnvironment environment);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = probe(context).missing();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled(what() + " is available");
    }
    if (TestEnvironment.flag(requireProperty())) {
      return ConditionEvaluationResult.enabled(what() + " is required but missing");
    }
    return ConditionEvaluationResult.disabled(
        what()
            + " is not available: "
            + missing.get()
            + " (-D"
            + requireProperty()
            + "=true makes this a failure)");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    probe(context)
        .missing()
        .ifPresent(
            reason -> {
              throw new ServiceUnavailableException(failure(reason));
            });
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == type();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<String> missing = probe(context).missing();
    if (missing.isPresent()) {
      throw new ParameterResolutionException(failure(missing.get()));
    }
    ExtensionContext scope =
        context.getTestClass().isPresent() && context.getTestMethod().isPresent()
            ? context.getParent().orElse(context)
            : context;
    return scope
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            getClass().getName() + ".value", k -> open(TestEnvironment.current()), type());
  }

  private String failure(String reason) {
    return "-D"
        + requireProperty()
        + "=true, but "
        + what()
        + " is not available: "
        + reason
        + ". "
        + remedy();
  }

  private Probe probe(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(getClass().getName() + ".probe", k -> check(), Probe.class);
  }

  private Probe check() {
    try {
      T value = open(TestEnvironment.current());
      if (value instanceof AutoCloseable closeable) {
        closeable.close();
      }
      return new Probe(Optional.empty());
    } catch (ServiceUnavailableException e) {
      return new Probe(Optional.of(e.getMessage()));
    } catch (Exception e) {
      throw new IllegalStateException("checking for " + what() + " failed", e);
    }
  }
}
