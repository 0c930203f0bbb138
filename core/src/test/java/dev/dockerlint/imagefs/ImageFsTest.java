package dev.dockerlint.imagefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.filefacts.FileKind;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFsTest {
  @TempDir Path context;

  private ImageFs model(String dockerfile, boolean withContext) {
    Dockerfile f = DockerfileReader.parse(dockerfile);
    BuildOptions o =
        new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());
    SemanticModel m = SemanticModel.of(f, o);
    return ImageFs.of(
        new LintInput(
            "Dockerfile",
            f,
            m,
            withContext ? Optional.of(context) : Optional.empty(),
            ImageMetadataSource.none("test")));
  }

  private static FsState atEnd(ImageFs fs, String path) {
    return fs.stage(lastStage(fs)).atEnd().resolve(path);
  }

  private static Stage lastStage(ImageFs fs) {
    return fs.stages().get(fs.stages().size() - 1);
  }

  private void file(String name, String content, String mode) throws IOException {
    Path p = context.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  @Test
  void scratchStartsEmpty() {
    ImageFs fs = model("FROM scratch\nWORKDIR /app\n", false);
    assertThat(atEnd(fs, "/bin/sh")).isInstanceOf(Absent.class);
    assertThat(atEnd(fs, "/app")).isInstanceOf(Present.class);
  }

  @Test
  void anImageBaseWithoutMetadataIsUnknown() {
    ImageFs fs = model("FROM alpine:3.20\n", false);
    assertThat(atEnd(fs, "/bin/sh")).isInstanceOf(Unknown.class);
  }

  @Test
  void heredocCopiesAreFilesWithMode0644AndTheirFacts() {
    ImageFs fs = model("FROM scratch\nCOPY <<EOF /run.sh\n#!/bin/sh\necho hi\nEOF\n", false);
    Present p = (Present) atEnd(fs, "/run.sh");
    assertThat(p.node().mode()).hasValue(0644);
    assertThat(p.node().content().facts().orElseThrow().kind()).isEqualTo(FileKind.SCRIPT);
  }

  @Test
  void contextFilesKeepTheirModeUnlessChmodIsGiven() throws IOException {
    file("a.sh", "#!/bin/sh\n", "rw-r--r--");
    file("b.sh", "#!/bin/sh\n", "rwxr-xr-x");
    ImageFs fs = model("FROM scratch\nCOPY a.sh b.sh /bin/\nCOPY --chmod=755 a.sh /x/a.sh\n", true);
    assertThat(((Present) atEnd(fs, "/bin/a.sh")).node().mode()).hasValue(0644);
    assertThat(((Present) atEnd(fs, "/bin/b.sh")).node().mode()).hasValue(0755);
    assertThat(((Present) atEnd(fs, "/x/a.sh")).node().mode()).hasValue(0755);
    assertThat(((Present) atEnd(fs, "/bin/a.sh")).node().origin().contextFile()).contains("a.sh");
  }

  @Test
  void withoutAContextCopiesAreUnknownAtTheirDestination() {
    ImageFs fs = model("FROM scratch\nCOPY . /app\n", false);
    assertThat(atEnd(fs, "/app/run.sh")).isInstanceOf(Unknown.class);
    assertThat(atEnd(fs, "/bin/sh")).isInstanceOf(Absent.class);
  }

  @Test
  void missingSourcesAreIssuesAndTheirDestinationIsUnknown() {
    ImageFs fs = model("FROM scratch\nCOPY nothere.sh /app/run.sh\n", true);
    assertThat(fs.sourceIssues()).hasSize(1);
    assertThat(atEnd(fs, "/app/run.sh")).isInstanceOf(Unknown.class);
  }

  @Test
  void copyFromFollowsAnotherStage() throws IOException {
    file("tool", "#!/bin/sh\n", "rwxr-xr-x");
    ImageFs fs =
        model(
            "FROM scratch AS build\nCOPY tool /out/tool\n"
                + "FROM scratch\nCOPY --from=build /out/ /usr/local/bin/\n",
            true);
    Present p = (Present) atEnd(fs, "/usr/local/bin/tool");
    assertThat(p.node().mode()).hasValue(0755);
    assertThat(atEnd(fs, "/usr/local/bin/other")).isInstanceOf(Absent.class);
  }

  @Test
  void runChmodAndLineEndingFixesApplyToTheirPaths() throws IOException {
    file("run.sh", "#!/bin/sh\r\n", "rw-r--r--");
    ImageFs fs =
        model(
            "FROM scratch\nCOPY run.sh /run.sh\n"
                + "RUN chmod +x /run.sh && sed -i 's/\\r$//' /run.sh\n",
            true);
    Present p = (Present) atEnd(fs, "/run.sh");
    assertThat(p.node().mode()).hasValue(0755);
    assertThat(p.node().content().lineEndingsFixedBy()).isPresent();
    assertThat(p.mayChange()).isEmpty();
  }

  @Test
  void anUnknownCommandMayChangeEverything() throws IOException {
    file("run.sh", "#!/bin/sh\n", "rw-r--r--");
    ImageFs fs = model("FROM scratch\nCOPY run.sh /run.sh\nRUN ./configure\n", true);
    Present p = (Present) atEnd(fs, "/run.sh");
    assertThat(p.mayChange()).hasSize(1);
    assertThat(((Absent) atEnd(fs, "/bin/bash")).mayCreate()).hasSize(1);
  }

  @Test
  void packageInstallsOfInterpretersPutThemOnThePath() {
    ImageFs fs = model("FROM scratch\nRUN apk add --no-cache bash\n", false);
    assertThat(atEnd(fs, "/bin/bash")).isInstanceOf(Present.class);
    assertThat(((Absent) atEnd(fs, "/usr/bin/ruby")).mayCreate()).hasSize(1);
    assertThat(((Absent) atEnd(fs, "/usr/local/bin/app")).mayCreate()).isEmpty();
  }

  @Test
  void symlinksMadeByRunAreFollowed() {
    ImageFs fs =
        model("FROM scratch\nCOPY <<EOF /bin/busybox\nx\nEOF\nRUN ln -s busybox /bin/sh\n", false);
    Present p = (Present) atEnd(fs, "/bin/sh");
    assertThat(p.node().path()).isEqualTo("/bin/busybox");
  }

  @Test
  void addFromAUrlGivesMode0600() {
    ImageFs fs = model("FROM scratch\nADD https://example.com/tini /tini\n", false);
    assertThat(((Present) atEnd(fs, "/tini")).node().mode()).hasValue(0600);
  }

  @Test
  void aCopyIntoAnUnknownDestinationMayLandInsideIt() throws IOException {
    file("tool", "x", "rwxr-xr-x");
    ImageFs fs = model("FROM alpine\nCOPY tool /usr/local/bin\n", true);
    Present inside = (Present) atEnd(fs, "/usr/local/bin/tool");
    assertThat(inside.node().origin().condition()).isPresent();
  }

  @Test
  void envPathKeepsTheInheritedEntries() {
    ImageFs fs = model("FROM scratch\nENV PATH=/opt/bin:$PATH\n", false);
    assertThat(fs.stage(lastStage(fs)).finalPath().toString())
        .isEqualTo("/opt/bin:" + SearchPath.DEFAULT);
    ImageFs unknown = model("FROM alpine\nENV PATH=/opt/bin:$PATH\n", false);
    assertThat(unknown.stage(lastStage(unknown)).finalPath().known()).isFalse();
  }

  @Test
  void runsSeeTheFilesystemBeforeThem() {
    ImageFs fs = model("FROM scratch\nRUN [\"/x\"]\nCOPY <<EOF /x\nx\nEOF\n", false);
    Stage s = lastStage(fs);
    Instruction run = s.instructions().get(0);
    assertThat(fs.stage(s).before(run).resolve("/x")).isInstanceOf(Absent.class);
    assertThat(fs.stage(s).atEnd().resolve("/x")).isInstanceOf(Present.class);
  }

  @Test
  void symlinkLoopsAreUnknownNotErrors() {
    ImageFs fs =
        model("FROM scratch\nCOPY <<EOF /x\nx\nEOF\nRUN ln -s /a /b && ln -s /b /a\n", false);
    assertThat(atEnd(fs, "/a/x")).isInstanceOf(Unknown.class);
    assertThat(List.of(atEnd(fs, "/x"))).hasOnlyElementsOfType(Present.class);
  }

  @Test
  void programNamesAreLookedUpLikeRuncDoes() {
    ImageFs fs =
        model(
            "FROM scratch\nCOPY <<EOF /usr/bin/tool\nx\nEOF\n"
                + "COPY --chmod=755 <<EOF /opt/bin/tool\nx\nEOF\nENV PATH=/usr/bin:/opt/bin\n",
            false);
    StageFs s = fs.stage(lastStage(fs));
    PathLookup found = PathLookup.find(s.atEnd(), "tool", s.finalPath(), "/");
    assertThat(found.path()).isEqualTo("/opt/bin/tool");
    assertThat(found.passedOver()).containsExactly("/usr/bin/tool");
    assertThat(PathLookup.find(s.atEnd(), "other", s.finalPath(), "/").state())
        .isInstanceOf(Absent.class);
    assertThat(PathLookup.find(s.atEnd(), "tool", SearchPath.unknown(), "/").state())
        .isInstanceOf(Unknown.class);
  }
}
