package dev.dockerlint.filefacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShebangTest {
  private static Shebang parse(String text) {
    return Shebang.parse(text).orElseThrow();
  }

  @Test
  void interpreterWithoutArgument() {
    Shebang s = parse("#!/bin/sh\n");

    assertThat(s.interpreter()).isEqualTo("/bin/sh");
    assertThat(s.argument()).isEmpty();
    assertThat(s.recognizedByKernel()).isTrue();
    assertThat(s.line()).isEqualTo("#!/bin/sh");
  }

  @Test
  void interpreterWithOneArgument() {
    Shebang s = parse("#!/bin/sh -e\n");

    assertThat(s.interpreter()).isEqualTo("/bin/sh");
    assertThat(s.argument()).contains("-e");
    assertThat(s.argv()).containsExactly("/bin/sh", "-e");
  }

  @Test
  void everythingAfterTheInterpreterIsOneArgument() {
    Shebang s = parse("#!/usr/bin/awk -f -v x=1\n");

    assertThat(s.argument()).contains("-f -v x=1");
  }

  @Test
  void blanksAfterHashBangAreSkipped() {
    assertThat(parse("#! \t/bin/bash\n").interpreter()).isEqualTo("/bin/bash");
  }

  @Test
  void trailingBlanksAreTrimmed() {
    Shebang s = parse("#!/bin/sh -x \t \n");

    assertThat(s.argument()).contains("-x");
  }

  @Test
  void blanksBetweenInterpreterAndArgumentAreSkipped() {
    assertThat(parse("#!/bin/sh \t  -x\n").argument()).contains("-x");
  }

  @Test
  void onlyTrailingBlanksMeansNoArgument() {
    assertThat(parse("#!/bin/sh   \n").argument()).isEmpty();
  }

  @Test
  void crlfLeavesCarriageReturnInTheInterpreter() {
    Shebang s = parse("#!/bin/sh\r\necho\r\n");

    assertThat(s.crlf()).isTrue();
    assertThat(s.interpreter()).isEqualTo("/bin/sh\r");
  }

  @Test
  void crlfLeavesCarriageReturnInTheArgument() {
    Shebang s = parse("#!/bin/sh -e\r\n");

    assertThat(s.interpreter()).isEqualTo("/bin/sh");
    assertThat(s.argument()).contains("-e\r");
  }

  @Test
  void fileWithoutNewlineUsesTheWholeLine() {
    Shebang s = parse("#!/bin/sh");

    assertThat(s.interpreter()).isEqualTo("/bin/sh");
    assertThat(s.truncated()).isFalse();
  }

  @Test
  void emptyShebangIsRejected() {
    Shebang s = parse("#!\n");

    assertThat(s.kernelRejection()).isPresent();
    assertThat(s.recognizedByKernel()).isFalse();
  }

  @Test
  void blankShebangIsRejected() {
    assertThat(parse("#!   \n").kernelRejection()).isPresent();
  }

  @Test
  void longArgumentIsCutAtTheKernelBuffer() {
    String arg = "x".repeat(400);

    Shebang s = parse("#!/bin/sh " + arg + "\n");

    assertThat(s.truncated()).isTrue();
    assertThat(s.kernelRejection()).isEmpty();
    assertThat(s.argument().orElseThrow())
        .hasSize(Shebang.BINPRM_BUF_SIZE - 1 - "#!/bin/sh ".length());
  }

  @Test
  void interpreterPathLongerThanTheKernelBufferIsRejected() {
    Shebang s = parse("#!/" + "d/".repeat(200) + "sh\n");

    assertThat(s.truncated()).isTrue();
    assertThat(s.kernelRejection()).hasValueSatisfying(r -> assertThat(r).contains("255"));
  }

  @Test
  void lineJustWithinTheKernelBufferIsAccepted() {
    String interpreter = "/" + "a".repeat(250);

    Shebang s = parse("#!" + interpreter + "\n");

    assertThat(s.truncated()).isFalse();
    assertThat(s.interpreter()).isEqualTo(interpreter);
  }

  @Test
  void envInterpreterIsAnalysed() {
    Shebang s = parse("#!/usr/bin/env python3\n");

    assertThat(s.env())
        .hasValueSatisfying(
            env -> {
              assertThat(env.program()).contains("python3");
              assertThat(env.problem()).isEmpty();
            });
  }

  @Test
  void nonEnvInterpreterHasNoEnvAnalysis() {
    assertThat(parse("#!/bin/bash\n").env()).isEmpty();
  }

  @Test
  void noShebangWithoutHashBang() {
    assertThat(Shebang.parse("# comment\n")).isEmpty();
  }
}
