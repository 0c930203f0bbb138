package dev.dockerlint.filefacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvInvocationTest {
  private static EnvInvocation env(String argument) {
    return EnvInvocation.parse(Optional.of(argument));
  }

  @Test
  void plainProgram() {
    EnvInvocation e = env("python3");

    assertThat(e.program()).contains("python3");
    assertThat(e.arguments()).isEmpty();
    assertThat(e.splitString()).isFalse();
    assertThat(e.problem()).isEmpty();
  }

  @Test
  void programWithArgumentsWithoutSplitIsOneMissingProgramName() {
    EnvInvocation e = env("python3 -u");

    assertThat(e.program()).contains("python3 -u");
    assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p).contains("-S"));
  }

  @Test
  void splitStringSeparatesProgramAndArguments() {
    EnvInvocation e = env("-S python3 -u");

    assertThat(e.splitString()).isTrue();
    assertThat(e.program()).contains("python3");
    assertThat(e.arguments()).containsExactly("-u");
    assertThat(e.problem()).isEmpty();
  }

  @Test
  void splitStringAttachedToTheOption() {
    assertThat(env("-Spython3").program()).contains("python3");
  }

  @Test
  void splitStringAfterOtherOptions() {
    assertThat(env("-vS node --inspect").program()).contains("node");
  }

  @Test
  void longSplitStringOption() {
    assertThat(env("--split-string=ruby -w").arguments()).containsExactly("-w");
  }

  @Test
  void assignmentsBeforeTheProgramWithSplit() {
    EnvInvocation e = env("-S NODE_ENV=production LANG=C node server.js");

    assertThat(e.assignments()).containsExactly("NODE_ENV=production", "LANG=C");
    assertThat(e.program()).contains("node");
    assertThat(e.arguments()).containsExactly("server.js");
  }

  @Test
  void assignmentWithoutSplitSwallowsTheProgram() {
    EnvInvocation e = env("NODE_ENV=production node");

    assertThat(e.assignments()).containsExactly("NODE_ENV=production node");
    assertThat(e.program()).isEmpty();
    assertThat(e.problem()).isPresent();
  }

  @Test
  void optionsWithoutSplitAreRejected() {
    EnvInvocation e = env("-i python3");

    assertThat(e.program()).isEmpty();
    assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p).contains("-S"));
  }

  @Test
  void splitOptionsBeforeTheProgramAreSkipped() {
    EnvInvocation e = env("-S -i -u HOME python3");

    assertThat(e.program()).contains("python3");
  }

  @Test
  void noArgumentRunsNothing() {
    EnvInvocation e = EnvInvocation.parse(Optional.empty());

    assertThat(e.program()).isEmpty();
    assertThat(e.problem()).isPresent();
  }

  @Test
  void splitHonoursQuotes() {
    EnvInvocation e = env("-S sh -c 'echo \"a b\"' \"x y\"");

    assertThat(e.arguments()).containsExactly("-c", "echo \"a b\"", "x y");
  }

  @Test
  void splitTreatsBackslashUnderscoreAsSeparator() {
    assertThat(env("-S perl\\_-w").arguments()).containsExactly("-w");
  }

  @Test
  void splitStopsAtHashStartingAWord() {
    assertThat(env("-S python3 # comment").arguments()).isEmpty();
  }

  @Test
  void splitKeepsCarriageReturnInTheLastWord() {
    assertThat(env("-S python3 -u\r").arguments()).containsExactly("-u\r");
  }

  @Test
  void splitReportsAnUnterminatedQuote() {
    assertThat(env("-S sh 'oops").problem())
        .hasValueSatisfying(p -> assertThat(p).contains("quote"));
  }

  @Test
  void splitReportsAnInvalidEscape() {
    assertThat(env("-S sh \\q").problem()).isPresent();
  }
}
