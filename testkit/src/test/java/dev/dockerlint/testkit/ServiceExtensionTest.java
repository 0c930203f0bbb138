package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A missing component skips a test, or fails it when its require property is true. */
class ServiceExtensionTest {

  private static final String REQUIRE = "dockerlint.test.requireMissingService";

  /** A component that is never there. */
  static final class MissingServiceExtension extends ServiceExtension<String> {
    @Override
    Class<String> type() {
      return String.class;
    }

    @Override
    String requireProperty() {
      return REQUIRE;
    }

    @Override
    String what() {
      return "the missing service";
    }

    @Override
    String remedy() {
      return "Start it.";
    }

    @Override
    String open(TestEnvironment environment) {
      throw new ServiceUnavailableException("nothing listens on 127.0.0.1:1");
    }
  }

  /** Runs only inside EngineTestKit (the class name keeps Surefire from picking it up). */
  @ExtendWith(MissingServiceExtension.class)
  static class NeedsMissingService {
    @Test
    void uses(String service) {
      assertThat(service).isNotNull();
    }
  }

  private static Events run(boolean required) {
    String before = System.getProperty(REQUIRE);
    System.setProperty(REQUIRE, String.valueOf(required));
    try {
      return EngineTestKit.engine("junit-jupiter")
          .selectors(selectClass(NeedsMissingService.class))
          .execute()
          .allEvents();
    } finally {
      if (before == null) {
        System.clearProperty(REQUIRE);
      } else {
        System.setProperty(REQUIRE, before);
      }
    }
  }

  @Test
  void skipsWithTheReasonWhenNotRequired() {
    Events events = run(false);

    assertThat(events.skipped().count()).isEqualTo(1);
    assertThat(events.failed().count()).isZero();
    assertThat(events.skipped().stream().findFirst().orElseThrow().getPayload(String.class))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("the missing service is not available")
                    .contains("nothing listens on 127.0.0.1:1")
                    .contains("-D" + REQUIRE + "=true"));
  }

  @Test
  void failsWithTheReasonWhenRequired() {
    Events events = run(true);

    assertThat(events.skipped().count()).isZero();
    assertThat(events.failed().count()).isEqualTo(1);
    Throwable failure =
        events.failed().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertThat(failure)
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("-D" + REQUIRE + "=true, but the missing service is not available")
        .hasMessageContaining("nothing listens on 127.0.0.1:1")
        .hasMessageContaining("Start it.");
  }
}
