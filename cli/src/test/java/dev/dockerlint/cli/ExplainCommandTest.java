package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  @Test
  void explainsARuleByCodeNameOrAlias() {
    for (String id :
        new String[] {"DKL4000", "maintainer-deprecated", "DL4000", "maintainerdeprecated"}) {
      CliRun r = CliRun.run("explain", id);
      assertThat(r.exit()).isZero();
      assertThat(r.out())
          .startsWith("DKL4000 maintainer-deprecated\n=============================\n")
          .contains("WHAT IT DOES\n", "    MAINTAINER Jane Doe <jane@example.com>\n")
          .contains("Aliases:   DL4000, MaintainerDeprecated")
          .contains("Online:    https://dockerlint.dev/rules/dkl4000")
          .doesNotContain("```", "\u001b[");
    }
  }

  @Test
  void engineRulesHaveDocPagesToo() {
    for (String id : new String[] {"unused-suppression", "DKL0011"}) {
      CliRun r = CliRun.run("explain", id);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("WHY IS THIS BAD?");
    }
  }

  @Test
  void colourOnlyOnATerminal() {
    CliRun r = CliRun.runWithEnv(new Env(Map.of(), true), "explain", "DKL4000");
    assertThat(r.out()).contains("\u001b[1m");
  }

  @Test
  void unknownRuleIsAUsageError() {
    CliRun r = CliRun.run("explain", "DKL9999");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("dockerlint: unknown rule 'DKL9999' (see 'dockerlint rules')");
  }

  @Test
  void rulesTableListsEveryRuleWithFixability() {
    CliRun r = CliRun.run("rules");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("CODE     NAME")
        .contains("FIXABLE")
        .containsPattern(
            "DKL4000 +maintainer-deprecated +warning +sometimes +DL4000,MaintainerDeprecated")
        .contains("DKL0010  unused-suppression");
  }
}
