package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.registry.BuiltInRules;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.shellcheck.Shellcheck;
import dev.dockerlint.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The registry is consistent and every rule ships with its documentation and fixtures. */
class RegistryTest {

  static final List<String> DOC_HEADINGS =
      List.of("## What it does", "## Why is this bad?", "## Example", "## Use instead");

  /**
   * Aliases that several rules may carry: one BuildKit check that covers several hadolint rules.
   * BuildKit's MultipleInstructionsDisallowed is hadolint's DL3012 (HEALTHCHECK), DL4003 (CMD) and
   * DL4004 (ENTRYPOINT); each stays its own rule, and {@code check=skip=} of the BuildKit name
   * skips all three.
   */
  static final Map<String, Set<String>> SHARED_ALIASES =
      Map.of("multipleinstructionsdisallowed", Set.of("DKL3012", "DKL4003", "DKL4004"));

  @Test
  void codesNamesAndAliasesAreUnique() {
    Set<String> ids = new HashSet<>();
    Map<String, Set<String>> shared = new HashMap<>();
    for (RuleMeta m : RuleRegistry.builtIn().metas()) {
      assertThat(m.code()).matches("DKL[0-9]{4}");
      assertThat(m.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(m.summary()).doesNotEndWith(".");
      assertThat(SHARED_ALIASES).doesNotContainKey(m.code().toLowerCase());
      assertThat(ids.add(m.code().toLowerCase())).as("duplicate %s", m.code()).isTrue();
      assertThat(ids.add(m.name())).as("duplicate %s", m.name()).isTrue();
      for (String a : m.aliases()) {
        if (SHARED_ALIASES.containsKey(a.toLowerCase())) {
          shared.computeIfAbsent(a.toLowerCase(), k -> new HashSet<>()).add(m.code());
          continue;
        }
        assertThat(ids.add(a.toLowerCase())).as("alias %s used twice", a).isTrue();
      }
    }
    assertThat(shared).isEqualTo(SHARED_ALIASES);
    SHARED_ALIASES.keySet().forEach(a -> assertThat(ids).doesNotContain(a));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleHasACompleteDocPage() {
    return Stream.concat(
            BuiltInRules.all().stream().map(Rule::meta),
            BuiltInRules.imageChecks().stream().map(ImageCheck::meta))
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m.code(),
                    () -> {
                      String doc = doc(m);
                      assertThat(doc).as("doc page %s", m.docResource()).isNotNull();
                      assertThat(doc).startsWith("# " + m.code() + " " + m.name() + "\n");
                      int at = 0;
                      for (String h : DOC_HEADINGS) {
                        int i = doc.indexOf("\n" + h + "\n", at);
                        assertThat(i)
                            .as("%s has '%s' (in this order)", m.code(), h)
                            .isGreaterThan(at - 1);
                        at = i;
                      }
                      if (m.fix() != FixAvailability.NONE) {
                        assertThat(doc).as("%s documents its fix", m.code()).contains("## Fix");
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyRulePassesItsFixtures() {
    return BuiltInRules.all().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.meta().code() + " " + r.meta().name(),
                    () -> {
                      if (r instanceof Shellcheck) {
                        Tools.requireShellcheck();
                      }
                      RuleTester.of(r).checkAll();
                    }));
  }

  static String doc(RuleMeta m) throws IOException {
    try (InputStream in = RuleMeta.class.getResourceAsStream(m.docResource())) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
