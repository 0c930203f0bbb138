package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.imagefs.ShellScript.Command;
import dev.dockerlint.imagefs.ShellScript.Word;
import dev.dockerlint.rules.LintMemo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

  private static List<Command> parse(String script) {
    Map<String, String> vars = Map.of("APP", "/app");
    return ShellScript.parse(script, n -> Optional.ofNullable(vars.get(n)), LintMemo.none());
  }

  private static List<List<String>> words(String script) {
    return parse(script).stream().map(c -> c.words().stream().map(Word::text).toList()).toList();
  }

  @Test
  void splitsOnOperatorsAndRemovesQuotes() {
    assertThat(words("chmod +x '/a b' && echo \"hi there\"; rm -f x || true"))
        .containsExactly(
            List.of("chmod", "+x", "/a b"),
            List.of("echo", "hi there"),
            List.of("rm", "-f", "x"),
            List.of("true"));
  }

  @Test
  void substitutesKnownVariablesAndMarksUnknownOnes() {
    List<Command> c = parse("cp x $APP/x ${APP}/y $OTHER/z");
    List<Word> w = c.get(0).words();
    assertThat(w.get(2).text()).isEqualTo("/app/x");
    assertThat(w.get(2).literal()).isTrue();
    assertThat(w.get(3).text()).isEqualTo("/app/y");
    assertThat(w.get(4).literal()).isFalse();
    assertThat("/opt/z").matches(w.get(4).regex());
  }

  @Test
  void tracksAssignmentsMadeInTheScript() {
    List<Command> c = parse("DIR=/opt/bin; chmod +x $DIR/tool");
    assertThat(c.get(c.size() - 1).words().get(2).text()).isEqualTo("/opt/bin/tool");
  }

  @Test
  void dropsControlWordsForHeadersAndCasePatterns() {
    assertThat(
            words(
                "if [ -f x ]; then chmod +x x; fi\n"
                    + "for f in *.sh; do dos2unix \"$f\"; done\n"
                    + "case \"$a\" in amd64|x86_64) A=x;; *) A=y;; esac"))
        .containsExactly(
            List.of("[", "-f", "x", "]"),
            List.of("chmod", "+x", "x"),
            List.of("dos2unix", "$f"),
            List.of("A=x"),
            List.of("A=y"));
  }

  @Test
  void runsTheCommandsOfSubstitutions() {
    assertThat(words("ARCH=\"$(dpkg --print-architecture)\"; echo $ARCH"))
        .contains(List.of("dpkg", "--print-architecture"));
  }

  @Test
  void skipsHeredocBodiesAndKeepsRedirections() {
    List<Command> c = parse("cat <<EOF > /etc/x\nrm -rf /\nEOF\nchmod 755 /etc/x\n");
    assertThat(c).hasSize(2);
    assertThat(c.get(0).redirects()).hasSize(1);
    assertThat(c.get(0).redirects().get(0).target().text()).isEqualTo("/etc/x");
    assertThat(c.get(1).words().get(0).text()).isEqualTo("chmod");
  }

  @Test
  void globsMatchLikeTheShell() {
    Word w = parse("chmod +x /app/*.sh").get(0).words().get(2);
    assertThat(w.literal()).isFalse();
    assertThat("/app/run.sh").matches(w.regex());
    assertThat("/app/sub/run.sh").doesNotMatch(w.regex());
  }

  @Test
  void ignoresFileDescriptorDuplicationsAndComments() {
    List<Command> c = parse("make 2>&1 # build it\necho ok >/dev/null");
    assertThat(c.get(0).words()).extracting(Word::text).containsExactly("make");
    assertThat(c.get(0).redirects()).isEmpty();
    assertThat(c.get(1).redirects().get(0).target().text()).isEqualTo("/dev/null");
  }

  private static Optional<String> app(String name, String value) {
    return name.equals("APP") ? Optional.of(value) : Optional.empty();
  }

  @Test
  void aScriptParsedByAnEarlierLintWithTheSameValuesIsReused() {
    LintMemo memo = LintMemo.create();
    List<Command> first = ShellScript.parse("cp x $APP/x", n -> app(n, "/app"), memo);
    memo.nextLint();
    List<Command> second = ShellScript.parse("cp x $APP/x", n -> app(n, "/app"), memo);
    assertThat(second).isSameAs(first);
  }

  @Test
  void aScriptIsParsedAgainWhenAVariableItReadsChanged() {
    LintMemo memo = LintMemo.create();
    ShellScript.parse("cp x $APP/x", n -> app(n, "/app"), memo);
    List<Command> c = ShellScript.parse("cp x $APP/x", n -> app(n, "/srv"), memo);
    assertThat(c.get(0).words().get(2).text()).isEqualTo("/srv/x");
    assertThat(ShellScript.parse("cp x $APP/x", n -> app(n, "/app"), memo).get(0).words())
        .extracting(Word::text)
        .containsExactly("cp", "x", "/app/x");
  }

  @Test
  void variablesTheScriptDoesNotReadDoNotMatter() {
    LintMemo memo = LintMemo.create();
    List<Command> first =
        ShellScript.parse(
            "cp x $APP/x", n -> n.equals("OTHER") ? Optional.of("1") : app(n, "/a"), memo);
    List<Command> second =
        ShellScript.parse(
            "cp x $APP/x", n -> n.equals("OTHER") ? Optional.of("2") : app(n, "/a"), memo);
    assertThat(second).isSameAs(first);
  }

  @Test
  void whatTheLastLintDidNotUseIsDropped() {
    LintMemo memo = LintMemo.create();
    List<Command> first = ShellScript.parse("cp x $APP/x", n -> app(n, "/app"), memo);
    memo.nextLint();
    memo.nextLint();
    assertThat(ShellScript.parse("cp x $APP/x", n -> app(n, "/app"), memo))
        .isNotSameAs(first)
        .isEqualTo(first);
  }
}
