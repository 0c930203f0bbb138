package dev.dockerlint.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.grammar.shell.ShellLexException;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemanticModelTest {

  private static final BuildOptions AMD64_ON_AMD64 =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  private static SemanticModel model(String text) {
    return SemanticModel.of(DockerfileReader.parse(text), AMD64_ON_AMD64);
  }

  private static SemanticModel model(String text, BuildOptions o) {
    return SemanticModel.of(DockerfileReader.parse(text), o);
  }

  private static Instruction instruction(SemanticModel m, int index) {
    return m.file().instructions().get(index);
  }

  @Test
  void aRepeatedStageNameMeansTheLastEarlierStageInFromAndTheFirstInCopyFrom() {
    SemanticModel m =
        model("FROM alpine AS a\nFROM busybox AS A\nFROM a AS b\nCOPY --from=a /x /x\n");
    assertThat(m.stages().get(2).base()).isEqualTo(new Base.StageBase(1));
    assertThat(m.stageReferences()).hasSize(1);
    assertThat(m.stageReferences().get(0).stage()).contains(m.stages().get(0));
  }

  @Test
  void stagesHaveNamesBasesAndIndexes() {
    SemanticModel m =
        model(
            "FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n");
    assertThat(m.stages()).hasSize(3);
    assertThat(m.stages().get(0).name()).contains("build");
    assertThat(m.stages().get(0).base()).isInstanceOf(Base.ImageBase.class);
    assertThat(((Base.ImageBase) m.stages().get(0).base()).ref().orElseThrow().canonical())
        .isEqualTo("docker.io/library/golang:1.22");
    assertThat(m.stages().get(1).base()).isEqualTo(new Base.StageBase(0));
    assertThat(m.stages().get(2).base()).isEqualTo(new Base.Scratch());
    assertThat(m.finalStage().orElseThrow().index()).isEqualTo(2);
  }

  @Test
  void globalArgsExpandInFromButNotInsideStagesUnlessRedeclared() {
    SemanticModel m =
        model(
            "ARG VERSION=3.20\nFROM alpine:${VERSION}\nRUN echo $VERSION\nARG VERSION\nRUN echo $VERSION\n");
    Base.ImageBase base = (Base.ImageBase) m.stages().get(0).base();
    assertThat(base.text()).isEqualTo("alpine:3.20");
    assertThat(m.scopeBefore(instruction(m, 2)).get("VERSION")).isEmpty();
    assertThat(m.scopeBefore(instruction(m, 4)).get("VERSION")).contains("3.20");
  }

  @Test
  void buildArgsOverrideDefaults() {
    SemanticModel m =
        model("ARG V=1\nFROM alpine:$V\n", AMD64_ON_AMD64.withBuildArgs(Map.of("V", "2")));
    assertThat(((Base.ImageBase) m.stages().get(0).base()).text()).isEqualTo("alpine:2");
  }

  @Test
  void automaticPlatformArgsFollowTheTargetAndBuildPlatforms() {
    BuildOptions o =
        new BuildOptions(
            new Platform("linux", "arm", Optional.of("v7")),
            Platform.LINUX_AMD64,
            Map.of(),
            Optional.empty());
    SemanticModel m =
        model(
            "FROM --platform=$BUILDPLATFORM golang AS build\nARG TARGETARCH TARGETVARIANT\nRUN echo\nFROM alpine\n",
            o);
    Stage build = m.stages().get(0);
    assertThat(build.platform()).contains(Platform.LINUX_AMD64);
    assertThat(build.platformSource()).isEqualTo(Stage.PlatformSource.FLAG);
    Scope s = build.scopeBefore(instruction(m, 2));
    assertThat(s.get("TARGETARCH")).contains("arm");
    assertThat(s.get("TARGETVARIANT")).contains("v7");
    assertThat(m.stages().get(1).platform())
        .contains(new Platform("linux", "arm", Optional.of("v7")));
    assertThat(m.stages().get(1).platformSource()).isEqualTo(Stage.PlatformSource.TARGET);
  }

  @Test
  void envShadowsArgAndExpandsWithTheValuesBeforeTheInstruction() {
    SemanticModel m = model("FROM alpine\nENV A=hello\nENV A=bye B=$A\nARG A=arg\nRUN echo\n");
    Scope s = m.scopeBefore(instruction(m, 4));
    assertThat(s.get("A")).contains("bye");
    assertThat(s.get("B")).contains("hello");
    assertThat(s.variable("A").orElseThrow().kind()).isEqualTo(Variable.Kind.ENV);
  }

  @Test
  void stageBasedOnAnotherInheritsEnvShellWorkdirAndCommand() {
    SemanticModel m =
        model(
            "FROM alpine AS base\nARG X=1\nENV E=2\nWORKDIR /app\nSHELL [\"/bin/bash\", \"-c\"]\nENTRYPOINT [\"/app/run\"]\nCMD [\"serve\"]\n"
                + "FROM base\nRUN echo\n");
    Stage second = m.stages().get(1);
    Instruction run = instruction(m, 8);
    assertThat(second.scopeBefore(run).get("E")).contains("2");
    assertThat(second.scopeBefore(run).get("X")).isEmpty();
    assertThat(second.shellFor(run)).containsExactly("/bin/bash", "-c");
    assertThat(second.workdirFor(run)).isEqualTo("/app");
    assertThat(second.process().orElseThrow().argv()).containsExactly("/app/run", "serve");
  }

  @Test
  void entrypointResetsAnInheritedCmd() {
    SemanticModel m =
        model("FROM alpine AS base\nCMD [\"sh\"]\nFROM base\nENTRYPOINT [\"/bin/app\"]\n");
    assertThat(m.stages().get(1).cmd()).isEmpty();
    assertThat(m.stages().get(1).process().orElseThrow().argv()).containsExactly("/bin/app");
  }

  @Test
  void shellFormRunsThroughTheShellInForce() {
    SemanticModel m =
        model(
            "FROM alpine\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nCMD exec app --serve\n");
    Process p = m.stages().get(0).process().orElseThrow();
    assertThat(p.shellForm()).isTrue();
    assertThat(p.argv()).containsExactly("/bin/ash", "-eo", "pipefail", "-c", "exec app --serve");
  }

  @Test
  void shellFormEntrypointIgnoresCmd() {
    SemanticModel m = model("FROM alpine\nENTRYPOINT /bin/app\nCMD [\"--flag\"]\n");
    assertThat(m.stages().get(0).process().orElseThrow().argv())
        .containsExactly("/bin/sh", "-c", "/bin/app");
  }

  @Test
  void workdirResolvesRelativePathsAndVariables() {
    SemanticModel m = model("FROM alpine\nENV D=src\nWORKDIR /app\nWORKDIR $D/../lib\nRUN pwd\n");
    assertThat(m.stages().get(0).workdirFor(instruction(m, 4))).isEqualTo("/app/lib");
  }

  @Test
  void copyFromReferencesResolveToEarlierStagesOrImages() {
    SemanticModel m =
        model(
            "FROM golang AS build\nFROM alpine\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:latest /c /c\n"
                + "RUN --mount=type=cache,from=build,target=/x true\n");
    List<SemanticModel.StageReference> refs = m.stageReferences();
    assertThat(refs).hasSize(4);
    assertThat(refs.get(0).stage().orElseThrow().index()).isZero();
    assertThat(refs.get(1).stage().orElseThrow().index()).isZero();
    assertThat(refs.get(2).stage()).isEmpty();
    assertThat(refs.get(2).value()).isEqualTo("nginx:latest");
    assertThat(refs.get(3).instruction()).isInstanceOf(RunInstruction.class);
    assertThat(refs.get(3).stage()).isPresent();
    assertThat(refs.get(0).instruction()).isInstanceOf(CopyInstruction.class);
  }

  @Test
  void stagesNeededForTheFinalStageFollowFromAndCopyFrom() {
    SemanticModel m =
        model(
            "FROM alpine AS unused\nFROM golang AS build\nFROM build AS test\nFROM scratch\nCOPY --from=test /a /a\n");
    assertThat(m.stagesNeededForFinal())
        .extracting(Stage::index)
        .containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void platformFlagThatCannotBeResolvedHasNoPlatform() {
    SemanticModel m = model("FROM --platform=$UNSET alpine\n");
    assertThat(m.stages().get(0).platformText()).contains("");
    assertThat(m.stages().get(0).platform()).isEmpty();
  }

  @Test
  void lineageRunsFromAStageToTheStagesItIsBasedOn() {
    SemanticModel m = model("FROM alpine AS a\nFROM a AS b\nFROM b\nFROM scratch\n");
    assertThat(m.lineage(m.stages().get(2))).extracting(Stage::index).containsExactly(2, 1, 0);
    assertThat(m.baseStage(m.stages().get(1))).contains(m.stages().get(0));
    assertThat(m.baseStage(m.stages().get(3))).isEmpty();
  }

  @Test
  void buildPlatformStagesAreKnownThroughTheStagesBasedOnThem() {
    SemanticModel m =
        model(
            "FROM --platform=$BUILDPLATFORM golang AS build\nFROM build AS test\n"
                + "FROM --platform=linux/${BUILDARCH} alpine AS tools\n"
                + "FROM --platform=$TARGETPLATFORM alpine AS target\nFROM alpine\n",
            new BuildOptions(
                Platform.LINUX_ARM64, Platform.LINUX_AMD64, Map.of(), Optional.empty()));
    assertThat(m.stages())
        .extracting(m::onBuildPlatform)
        .containsExactly(true, true, true, false, false);
    assertThat(m.platformOrigin(m.stages().get(1))).contains(m.stages().get(0));
    assertThat(m.platformOrigin(m.stages().get(4))).isEmpty();
    assertThat(m.stages().get(1).platform()).contains(Platform.LINUX_AMD64);
  }

  @Test
  void platformFlagOnAStageBaseOrScratchIsIgnoredLikeBuildKitDoes() {
    SemanticModel m =
        model(
            "FROM --platform=linux/arm64 alpine AS a\nFROM --platform=linux/s390x a AS b\n"
                + "FROM --platform=linux/s390x scratch\n");
    assertThat(m.stages().get(1).platform()).contains(Platform.LINUX_ARM64);
    assertThat(m.stages().get(1).platformSource()).isEqualTo(Stage.PlatformSource.INHERITED);
    assertThat(m.stages().get(2).platform()).contains(Platform.LINUX_AMD64);
    assertThat(m.stages().get(2).platformSource()).isEqualTo(Stage.PlatformSource.TARGET);
    assertThat(m.stages().get(2).platformText()).contains("linux/s390x");
  }

  @Test
  void platformsNormaliseLikeContainerd() {
    assertThat(Platform.parse("linux/x86_64")).contains(Platform.LINUX_AMD64);
    assertThat(Platform.parse("linux/aarch64/v8")).contains(Platform.LINUX_ARM64);
    assertThat(Platform.parse("linux/armhf").orElseThrow().toString()).isEqualTo("linux/arm/v7");
    assertThat(Platform.parse("linux/arm").orElseThrow().toString()).isEqualTo("linux/arm/v7");
    assertThat(Platform.parse("LINUX/AMD64")).contains(Platform.LINUX_AMD64);
    assertThat(Platform.parse("linux/$TARGETARCH")).isEmpty();
  }

  @Test
  void imageReferencesNormaliseLikeTheDockerCli() {
    assertThat(ImageRef.parse("alpine").orElseThrow().canonical())
        .isEqualTo("docker.io/library/alpine");
    assertThat(ImageRef.parse("arm64v8/alpine:3.20").orElseThrow().namespace())
        .isEqualTo("arm64v8");
    ImageRef r =
        ImageRef.parse("localhost:5000/team/app:1.0@sha256:" + "a".repeat(64)).orElseThrow();
    assertThat(r.registry()).isEqualTo("localhost:5000");
    assertThat(r.repository()).isEqualTo("team/app");
    assertThat(r.tag()).contains("1.0");
    assertThat(ImageRef.parse("Alpine")).isEmpty();
    assertThat(ImageRef.parse("alpine:${TAG}")).isEmpty();
  }

  @Test
  void expandAnswersWhatTheShellLexerAnswersForWordsWithAndWithoutAnythingToExpand()
      throws ShellLexException {
    List<String> words =
        List.of(
            "plain",
            "/usr/local/bin",
            "C:\\tools",
            "a`b",
            "$V",
            "${V}-x",
            "'$V'",
            "\"q\"",
            "a<b",
            "",
            "caf\u00e9");
    for (String escape : List.of("", "# escape=`\n")) {
      SemanticModel m = model(escape + "ARG V=1\nFROM alpine\n");
      ShellLex lex = new ShellLex(m.file().escapeCharacter());
      for (String w : words) {
        assertThat(m.expand(w, m.globalScope()))
            .as("%s with escape %s", w, (char) m.file().escapeCharacter())
            .contains(lex.processWord(w, m.globalScope()).result());
      }
    }
  }

  @Test
  void aStageIndexIsDigitsThatFitAnInt() {
    assertThat(SemanticModel.stageIndex("0")).hasValue(0);
    assertThat(SemanticModel.stageIndex("0012")).hasValue(12);
    assertThat(SemanticModel.stageIndex("2147483647")).hasValue(Integer.MAX_VALUE);
    assertThat(SemanticModel.stageIndex("2147483648")).isEmpty();
    assertThat(SemanticModel.stageIndex("99999999999999999999999")).isEmpty();
    assertThat(SemanticModel.stageIndex("")).isEmpty();
    assertThat(SemanticModel.stageIndex("1a")).isEmpty();
    assertThat(SemanticModel.stageIndex("-1")).isEmpty();
    assertThat(SemanticModel.stageIndex("\u0661")).isEmpty(); // an Arabic-Indic one
  }
}
