package dev.dockerlint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands, arguments, flags and pipes read from shell scripts, and their places in the file. */
class ShellScriptTest {

  private static List<String> commands(String script) {
    return ShellScript.parse(script).commands().stream().map(ShellCommand::toString).toList();
  }

  @Test
  void andOrListsSemicolonsAndNewlinesSeparateCommands() {
    assertThat(commands("apt-get update && apt-get install -y curl; rm -rf /x\necho done"))
        .containsExactly("apt-get update", "apt-get install -y curl", "rm -rf /x", "echo done");
  }

  @Test
  void assignmentsBeforeTheCommandAreNotItsName() {
    assertThat(commands("DEBIAN_FRONTEND=noninteractive apt-get install -y x"))
        .containsExactly("apt-get install -y x");
    assertThat(commands("FOO=bar")).isEmpty();
  }

  @Test
  void quotesAreRemovedAndExpansionsReadAsBracedVariables() {
    ShellCommand c =
        ShellScript.parse("echo \"a b\" 'c' $HOME \"${X:-y}\"z $(uname -m)").commands().get(0);
    assertThat(c.args()).containsExactly("a b", "c", "${HOME}", "${X:-y}z", "${uname-m}");
    assertThat(c.arguments().get(0).literal()).isTrue();
    assertThat(c.arguments().get(2).literal()).isFalse();
  }

  @Test
  void commandsInsideSubstitutionsSubshellsAndCompoundCommandsCount() {
    assertThat(
            commands(
                "x=$(curl -s u) && (cd /tmp && make) ; if [ -f a ]; then wget b; else true; fi;"
                    + " for f in *.txt; do cat \"$f\"; done; { ls; } ; while read l; do :; done < f"))
        .containsExactly(
            "curl -s u",
            "cd /tmp",
            "make",
            "[ -f a ]",
            "wget b",
            "true",
            "cat ${f}",
            "ls",
            "read l",
            ":");
  }

  @Test
  void caseItemsAndFunctionsAreRead() {
    assertThat(
            commands(
                "case \"$a\" in\n  x86_64) arch=amd64 ;;\n  arm*|aarch64) echo arm ;;\n  *) exit 1 ;;\nesac\n"
                    + "f() { echo in; }\nfunction g { true; }"))
        .containsExactly("echo arm", "exit 1", "echo in", "true");
  }

  @Test
  void heredocBodiesAreDataNotCommands() {
    assertThat(commands("cat <<EOF > /etc/x\napt-get install foo\nEOF\necho after"))
        .containsExactly("cat", "echo after");
  }

  @Test
  void pipesAreFoundButOrIsNoPipe() {
    assertThat(ShellScript.parse("a || b").hasPipes()).isFalse();
    assertThat(ShellScript.parse("curl u | tar -x").pipes()).containsExactly(7);
    assertThat(ShellScript.parse("echo $(a | b)").hasPipes()).isTrue();
  }

  @Test
  void commentsAndLineContinuationsAreSkipped() {
    assertThat(commands("apt-get install \\\n  curl # not=a-package\n# a comment\nls"))
        .containsExactly("apt-get install curl", "ls");
  }

  @Test
  void flagsFollowHadolint() {
    ShellCommand c =
        ShellScript.parse("apt-get -yq --no-install-recommends -t stable install a=1 b -- c")
            .commands()
            .get(0);
    assertThat(c.hasFlag("y")).isTrue();
    assertThat(c.hasFlag("q")).isTrue();
    assertThat(c.hasFlag("no-install-recommends")).isTrue();
    assertThat(c.dropFlagValues("t").argsNoFlags().stream().map(ShellWord::value))
        .containsExactly("install", "a=1", "b", "--", "c");
    assertThat(c.flagValues("t")).containsExactly("stable");
  }

  @Test
  void busyboxAndExecNameTheProgramTheyRun() {
    assertThat(ShellScript.parse("busybox wget -q u").commands().get(0).name()).isEqualTo("wget");
    assertThat(ShellScript.parse("exec gosu app x").commands().get(0).name()).isEqualTo("gosu");
    assertThat(ShellScript.parse("$CMD install").commands().get(0).name()).isEmpty();
  }

  @Test
  void unbalancedTextNeverFailsOrHangs() {
    for (String s :
        List.of(
            "echo \"open",
            "x=$(",
            "if then fi fi ) } done",
            "a && ",
            "case x in",
            "((",
            "`a",
            "$'")) {
      ShellScript.parse(s);
    }
  }

  @Test
  void runScriptsMapWordsBackAcrossContinuationLines() {
    String text = "FROM a\nRUN apt-get update && \\\n    # a comment\n    apt-get install curl\n";
    Dockerfile f = DockerfileReader.parse(text);
    List<RunScript> scripts = RunScripts.all(SemanticModel.of(f, BuildOptions.defaults()));
    assertThat(scripts).hasSize(1);
    RunScript s = scripts.get(0);
    ShellWord curl = s.script().commands().get(1).arguments().get(1);
    assertThat(f.source().slice(s.range(curl))).isEqualTo("curl");
    assertThat(s.range(curl).start().line()).isEqualTo(3);
  }

  @Test
  void aHeredocThatIsTheWholeCommandIsAScriptWithItsOwnShebang() {
    String text =
        "FROM a\nRUN <<EOF\n#!/usr/bin/env bash\nset -o pipefail\nwget -O- u | tar x\nEOF\n"
            + "RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n"
            + "RUN cat <<EOF > /x\nnot a command\nEOF\n";
    Dockerfile f = DockerfileReader.parse(text);
    List<RunScript> scripts = RunScripts.all(SemanticModel.of(f, BuildOptions.defaults()));
    assertThat(scripts).hasSize(2);
    assertThat(scripts.get(0).dialect()).isEqualTo("bash");
    assertThat(scripts.get(0).heredoc()).isTrue();
    ShellCommand wget = scripts.get(0).script().commands().get(1);
    assertThat(f.source().slice(scripts.get(0).range(wget))).isEqualTo("wget -O- u");
    assertThat(scripts.get(1).script().commands())
        .extracting(ShellCommand::name)
        .containsExactly("cat");
  }

  @Test
  void nonShellShellsHaveNoScripts() {
    String text = "FROM a\nSHELL [\"pwsh\", \"-Command\"]\nRUN Get-Item x\n";
    Dockerfile f = DockerfileReader.parse(text);
    assertThat(RunScripts.all(SemanticModel.of(f, BuildOptions.defaults()))).isEmpty();
  }

  @Test
  void execFormIsOneCommandOrTheShellsScript() {
    String text =
        "FROM a\nRUN [\"apt-get\", \"install\", \"x\"]\nRUN [\"bash\", \"-c\", \"a | b\"]\n";
    Dockerfile f = DockerfileReader.parse(text);
    List<RunScript> scripts = RunScripts.all(SemanticModel.of(f, BuildOptions.defaults()));
    assertThat(scripts.get(0).script().commands().get(0).toString()).isEqualTo("apt-get install x");
    assertThat(scripts.get(1).dialect()).isEqualTo("bash");
    assertThat(scripts.get(1).script().hasPipes()).isTrue();
  }
}
