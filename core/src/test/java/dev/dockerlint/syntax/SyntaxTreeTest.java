package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed nodes carry exact ranges; the text a range covers is what the node stands for. */
class SyntaxTreeTest {

  private static Dockerfile parse(String text) {
    return DockerfileReader.parse(text);
  }

  private static String slice(Dockerfile f, Range r) {
    return f.source().slice(r);
  }

  @Test
  void keywordFlagsAndArgumentsHaveExactRanges() {
    Dockerfile f = parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");
    FromInstruction from = (FromInstruction) f.instructions().get(0);
    assertThat(slice(f, from.keyword().range())).isEqualTo("FROM");
    Flag platform = from.flag("platform").orElseThrow();
    assertThat(slice(f, platform.range())).isEqualTo("--platform=$BUILDPLATFORM");
    assertThat(slice(f, platform.nameRange())).isEqualTo("platform");
    assertThat(slice(f, platform.valueRange().orElseThrow())).isEqualTo("$BUILDPLATFORM");
    assertThat(slice(f, from.image().orElseThrow().range())).isEqualTo("golang:1.22");
    assertThat(from.stageName().orElseThrow().value()).isEqualTo("build");
    assertThat(slice(f, from.range()))
        .isEqualTo("FROM --platform=$BUILDPLATFORM golang:1.22 AS build");
  }

  @Test
  void execFormElementsCoverTheirJsonStrings() {
    Dockerfile f = parse("ENTRYPOINT [\"/bin/app\", \"--flag=\\\"x\\\"\"]\n");
    EntrypointInstruction ep = (EntrypointInstruction) f.instructions().get(0);
    Command.ExecForm exec = (Command.ExecForm) ep.command().orElseThrow();
    assertThat(exec.arguments())
        .extracting(Word::value)
        .containsExactly("/bin/app", "--flag=\"x\"");
    assertThat(slice(f, exec.arguments().get(0).range())).isEqualTo("\"/bin/app\"");
    assertThat(slice(f, exec.range())).isEqualTo("[\"/bin/app\", \"--flag=\\\"x\\\"\"]");
  }

  @Test
  void shellFormTextJoinsContinuationsButMapsBackToTheSource() {
    Dockerfile f = parse("RUN apt-get update && \\\n    apt-get install -y curl\n");
    RunInstruction run = (RunInstruction) f.instructions().get(0);
    Command.ShellForm shell = (Command.ShellForm) run.command().orElseThrow();
    assertThat(shell.text().value()).isEqualTo("apt-get update &&     apt-get install -y curl");
    assertThat(shell.text().range().start()).isEqualTo(new Position(0, 4));
    assertThat(shell.text().range().end()).isEqualTo(new Position(1, 27));
    assertThat(run.header().firstLine()).isZero();
    assertThat(run.header().lastLine()).isEqualTo(1);
  }

  @Test
  void commentLinesInsideAContinuationAreSkipped() {
    Dockerfile f = parse("RUN a \\\n# note\n  b\n");
    RunInstruction run = (RunInstruction) f.instructions().get(0);
    assertThat(run.arguments().value()).isEqualTo("a   b");
    assertThat(f.comments()).extracting(Comment::text).containsExactly("note");
  }

  @Test
  void crlfLineEndingsAreNotPartOfValues() {
    Dockerfile f = parse("FROM alpine\r\nRUN echo hi \\\r\n  there\r\nUSER app\r\n");
    assertThat(f.instructions()).hasSize(3);
    assertThat(f.instructions().get(1).arguments().value()).isEqualTo("echo hi   there");
    assertThat(((UserInstruction) f.instructions().get(2)).value().orElseThrow().value())
        .isEqualTo("app");
    assertThat(f.problems()).isEmpty();
  }

  @Test
  void byteOrderMarkBeforeTheFirstLineIsIgnored() {
    Dockerfile f = parse("\uFEFF# escape=`\nFROM alpine\nRUN echo `\n  hi\n");
    assertThat(f.escapeCharacter()).isEqualTo('`');
    assertThat(f.instructions().get(1).arguments().value()).isEqualTo("echo   hi");
  }

  @Test
  void backtickEscapeMakesBackslashPlainText() {
    Dockerfile f = parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n  /s\n");
    assertThat(f.instructions().get(1).arguments().value()).isEqualTo("dir C:\\   /s");
  }

  @Test
  void envPairsKeepRangesOfKeyAndValue() {
    Dockerfile f = parse("ENV A=1 B=\"two words\"\n");
    EnvInstruction env = (EnvInstruction) f.instructions().get(0);
    assertThat(env.pairs()).extracting(kv -> kv.key().value()).containsExactly("A", "B");
    assertThat(slice(f, env.pairs().get(1).value().range())).isEqualTo("\"two words\"");
  }

  @Test
  void argDeclarationsSplitNameAndDefault() {
    Dockerfile f = parse("ARG VERSION=1.2 DEBUG\n");
    ArgInstruction arg = (ArgInstruction) f.instructions().get(0);
    assertThat(arg.declarations())
        .extracting(ArgDeclaration::name)
        .containsExactly("VERSION", "DEBUG");
    assertThat(arg.declarations().get(0).defaultValue().orElseThrow().value()).isEqualTo("1.2");
    assertThat(slice(f, arg.declarations().get(0).nameRange())).isEqualTo("VERSION");
    assertThat(arg.declarations().get(1).defaultValue()).isEmpty();
  }

  @Test
  void heredocBodiesHaveRangesAndContent() {
    Dockerfile f = parse("FROM alpine\nCOPY <<EOF /app/run.sh\n#!/bin/sh\necho hi\nEOF\nRUN ls\n");
    CopyInstruction copy = (CopyInstruction) f.instructions().get(1);
    Heredoc h = copy.heredocs().get(0);
    assertThat(h.content()).isEqualTo("#!/bin/sh\necho hi\n");
    assertThat(slice(f, h.markerRange())).isEqualTo("<<EOF");
    assertThat(slice(f, h.bodyRange())).isEqualTo("#!/bin/sh\necho hi\nEOF");
    assertThat(copy.destination().orElseThrow().value()).isEqualTo("/app/run.sh");
    assertThat(f.instructions()).hasSize(3);
  }

  @Test
  void onbuildWrapsAFullInstruction() {
    Dockerfile f = parse("ONBUILD COPY --from=build /a /b\n");
    OnbuildInstruction onbuild = (OnbuildInstruction) f.instructions().get(0);
    CopyInstruction copy = (CopyInstruction) onbuild.trigger().orElseThrow();
    assertThat(copy.flag("from").orElseThrow().valueOrEmpty()).isEqualTo("build");
    assertThat(slice(f, copy.keyword().range())).isEqualTo("COPY");
  }

  @Test
  void healthcheckHasTypeAndCommand() {
    Dockerfile f =
        parse("HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://localhost/\"]\n");
    HealthcheckInstruction h = (HealthcheckInstruction) f.instructions().get(0);
    assertThat(h.type().orElseThrow().value()).isEqualTo("CMD");
    assertThat(h.command().orElseThrow()).isInstanceOf(Command.ExecForm.class);
    assertThat(h.flag("interval").orElseThrow().valueOrEmpty()).isEqualTo("5s");
  }

  @Test
  void charactersBeyondTheBmpKeepUtf16Columns() {
    Dockerfile f = parse("LABEL emoji=\"\uD83D\uDE00\" x=y\n");
    LabelInstruction label = (LabelInstruction) f.instructions().get(0);
    Range r = label.pairs().get(1).key().range();
    assertThat(slice(f, r)).isEqualTo("x");
    assertThat(r.start().column()).isEqualTo(17);
  }

  @Test
  void malformedInstructionDoesNotHideTheRest() {
    Dockerfile f = parse("FROM alpine\nENV ONLYKEY\nCMD [\"a\", 1]\nRUN echo still here\n");
    assertThat(f.instructions()).hasSize(4);
    assertThat(f.problems())
        .extracting(SyntaxProblem::kind)
        .containsExactly(SyntaxProblem.Kind.ENV_MISSING_VALUE, SyntaxProblem.Kind.JSON_NOT_STRINGS);
    assertThat(slice(f, f.problems().get(0).range())).isEqualTo("ONLYKEY");
    assertThat(f.instructions().get(3).arguments().value()).isEqualTo("echo still here");
  }

  @Test
  void halfTypedInstructionsStillGiveATree() {
    for (String partial :
        List.of(
            "FR", "FROM", "COPY --from=", "RUN [\"a\",", "ENV A=\"", "HEALTHCHECK --", "ONBUILD")) {
      Dockerfile f = parse("FROM alpine\n" + partial + "\nUSER app\n");
      assertThat(f.instructions()).as(partial).hasSize(3);
    }
  }

  @Test
  void unknownInstructionIsReportedAtItsKeyword() {
    Dockerfile f = parse("FROM alpine\nRUNN echo\n");
    assertThat(f.problems())
        .extracting(SyntaxProblem::message)
        .containsExactly("unknown instruction: RUNN");
    assertThat(slice(f, f.problems().get(0).range())).isEqualTo("RUNN");
  }

  @Test
  void keywordGluedToTheNextLineIsOneUnknownWord() {
    Dockerfile f = parse("FROM alpine\nRUN\\\necho hi\n");
    assertThat(f.instructions().get(1)).isInstanceOf(UnknownInstruction.class);
    assertThat(f.problems())
        .extracting(SyntaxProblem::message)
        .containsExactly("unknown instruction: RUNECHO");
  }

  @Test
  void repeatedDirectiveIsFatal() {
    Dockerfile f =
        parse("# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1\nFROM alpine\n");
    assertThat(f.problems())
        .extracting(SyntaxProblem::kind)
        .containsExactly(SyntaxProblem.Kind.DUPLICATE_DIRECTIVE);
    assertThat(f.hasFatalProblem()).isTrue();
  }

  @Test
  void directiveAfterAnInstructionIsAComment() {
    Dockerfile f = parse("FROM alpine\n# escape=`\nRUN echo \\\n  hi\n");
    assertThat(f.directives()).isEmpty();
    assertThat(f.escapeCharacter()).isEqualTo('\\');
    assertThat(f.instructions().get(1).arguments().value()).isEqualTo("echo   hi");
  }

  @Test
  void emptyFileHasNoInstructions() {
    assertThat(parse("").problems())
        .extracting(SyntaxProblem::kind)
        .containsExactly(SyntaxProblem.Kind.NO_INSTRUCTIONS);
  }
}
