package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.context.ContextProblem.Kind;
import dev.dockerlint.filefacts.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
  /** What answers the context's file system questions; a subclass runs every test remembering. */
  ContextFiles files() {
    return ContextFiles.direct();
  }

  @TempDir Path root;

  private Path file(String path, String content) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private void link(String path, String target) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.createSymbolicLink(p, Path.of(target));
  }

  BuildContext context(String... ignoreLines) {
    return BuildContext.of(root, DockerIgnore.parse(String.join("\n", ignoreLines)), files());
  }

  private static List<String> paths(List<ContextEntry> entries) {
    return entries.stream().map(ContextEntry::path).toList();
  }

  @Test
  void literalFileResolvesWithTypeSizeAndMode() throws IOException {
    Path p = file("app.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-x---"));

    SourceResolution r = context().resolve("app.sh");

    assertThat(r.problems()).isEmpty();
    assertThat(r.wildcard()).isFalse();
    ContextEntry entry = r.matches().get(0);
    assertThat(entry.path()).isEqualTo("app.sh");
    assertThat(entry.type()).isEqualTo(EntryType.FILE);
    assertThat(entry.size()).isEqualTo(10);
    assertThat(entry.mode()).isEqualTo(0750);
  }

  @Test
  void missingLiteralIsNotFound() {
    SourceResolution r = context().resolve("nope.txt");

    assertThat(r.matches()).isEmpty();
    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.NOT_FOUND);
    assertThat(r.failsBuild()).isTrue();
  }

  @Test
  void leadingSlashAndParentReferencesStayInTheRoot() throws IOException {
    file("a.txt", "a");

    SourceResolution r = context().resolve("/../../a.txt");

    assertThat(r.cleaned()).isEqualTo("a.txt");
    assertThat(paths(r.matches())).containsExactly("a.txt");
  }

  @Test
  void trailingSlashIsIgnored() throws IOException {
    file("dir/a.txt", "a");

    SourceResolution r = context().resolve("dir/");

    assertThat(paths(r.matches())).containsExactly("dir");
    assertThat(r.matches().get(0).type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void dotIsTheContextRoot() {
    SourceResolution r = context().resolve(".");

    assertThat(paths(r.matches())).containsExactly(".");
    assertThat(r.matches().get(0).type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void wildcardMatchesInLexicalOrder() throws IOException {
    file("b.txt", "b");
    file("a.txt", "a");
    file("c.md", "c");

    SourceResolution r = context().resolve("*.txt");

    assertThat(r.wildcard()).isTrue();
    assertThat(paths(r.matches())).containsExactly("a.txt", "b.txt");
  }

  @Test
  void wildcardDoesNotCrossSlashes() throws IOException {
    file("sub/x.txt", "x");

    assertThat(context().resolve("*.txt").matches()).isEmpty();
  }

  @Test
  void wildcardInADirectoryElement() throws IOException {
    file("one/x.txt", "1");
    file("two/x.txt", "2");
    file("two/y.txt", "2");

    assertThat(paths(context().resolve("*/x.txt").matches()))
        .containsExactly("one/x.txt", "two/x.txt");
  }

  @Test
  void wildcardAfterALiteralBase() throws IOException {
    file("src/a.go", "a");
    file("src/b.txt", "b");

    assertThat(paths(context().resolve("src/*.go").matches())).containsExactly("src/a.go");
  }

  @Test
  void matchedDirectoryIsNotEntered() throws IOException {
    file("data1/inner.txt", "x");

    SourceResolution r = context().resolve("data*");

    assertThat(paths(r.matches())).containsExactly("data1");
  }

  @Test
  void wildcardMatchingNothingDoesNotFailTheBuild() {
    SourceResolution r = context().resolve("*.jar");

    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.NO_MATCH);
    assertThat(r.failsBuild()).isFalse();
  }

  @Test
  void doubleStarIsAPlainStarWithoutParents() throws IOException {
    file("a/b/c.txt", "c");
    file("x.txt", "x");

    assertThat(paths(context().resolve("**.txt").matches())).containsExactly("x.txt");
  }

  @Test
  void excludedLiteralIsReported() throws IOException {
    file("secret.env", "x");

    SourceResolution r = context("*.env").resolve("secret.env");

    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.EXCLUDED);
  }

  @Test
  void excludedFilesDoNotMatchWildcards() throws IOException {
    file("a.txt", "a");
    file("b.txt", "b");

    assertThat(paths(context("b.txt").resolve("*.txt").matches())).containsExactly("a.txt");
  }

  @Test
  void excludedDirectoryIsPresentWhenAnExceptionIncludesSomethingBelow() throws IOException {
    file("docs/keep.md", "k");
    file("docs/drop.md", "d");

    BuildContext context = context("docs", "!docs/keep.md");
    SourceResolution r = context.resolve("docs");

    assertThat(paths(r.matches())).containsExactly("docs");
    assertThat(paths(context.contents(r.matches().get(0)).entries()))
        .containsExactly("docs/keep.md");
  }

  @Test
  void symlinkSourceIsFollowed() throws IOException {
    file("real/run.sh", "#!/bin/sh\n");
    link("run.sh", "real/run.sh");

    ContextEntry entry = context().resolve("run.sh").matches().get(0);

    assertThat(entry.path()).isEqualTo("run.sh");
    assertThat(entry.type()).isEqualTo(EntryType.FILE);
    assertThat(entry.linkTarget()).contains("real/run.sh");
    assertThat(entry.resolvedPath()).isEqualTo("real/run.sh");
  }

  @Test
  void symlinkInTheMiddleOfAPathIsFollowed() throws IOException {
    file("real/x.txt", "x");
    link("alias", "real");

    ContextEntry entry = context().resolve("alias/x.txt").matches().get(0);

    assertThat(entry.resolvedPath()).isEqualTo("real/x.txt");
  }

  @Test
  void absoluteSymlinkTargetsAreScopedToTheRoot() throws IOException {
    file("etc/passwd", "context copy");
    link("pw", "/etc/passwd");

    ContextEntry entry = context().resolve("pw").matches().get(0);

    assertThat(entry.resolvedPath()).isEqualTo("etc/passwd");
    assertThat(entry.size()).isEqualTo("context copy".length());
  }

  @Test
  void symlinkClimbingOutOfTheRootStaysInside() throws IOException {
    link("up", "../../../../outside.txt");

    SourceResolution r = context().resolve("up");

    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.NOT_FOUND);
  }

  @Test
  void symlinkLoopIsReported() throws IOException {
    link("a", "b");
    link("b", "a");

    SourceResolution r = context().resolve("a");

    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.SYMLINK_LOOP);
  }

  @Test
  void danglingSymlinkMatchedByAWildcardIsNotFound() throws IOException {
    link("gone.sh", "missing.sh");

    SourceResolution r = context().resolve("*.sh");

    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.NOT_FOUND);
  }

  @Test
  void contentsListParentsBeforeChildrenInLexicalOrder() throws IOException {
    file("app/z.txt", "z");
    file("app/lib/a.so", "a");
    file("app/b.txt", "b");
    BuildContext context = context();

    Listing listing = context.contents(context.resolve("app").matches().get(0));

    assertThat(paths(listing.entries()))
        .containsExactly("app/b.txt", "app/lib", "app/lib/a.so", "app/z.txt");
    assertThat(listing.problems()).isEmpty();
  }

  @Test
  void contentsLeaveOutExcludedEntries() throws IOException {
    file("app/node_modules/x.js", "x");
    file("app/index.js", "i");
    BuildContext context = context("**/node_modules");

    Listing listing = context.contents(context.resolve("app").matches().get(0));

    assertThat(paths(listing.entries())).containsExactly("app/index.js");
  }

  @Test
  void contentsKeepSymlinksAsLinks() throws IOException {
    file("app/real.txt", "r");
    link("app/alias.txt", "real.txt");
    BuildContext context = context();

    Listing listing = context.contents(context.resolve("app").matches().get(0));

    ContextEntry alias = listing.entries().get(0);
    assertThat(alias.type()).isEqualTo(EntryType.SYMLINK);
    assertThat(alias.linkTarget()).contains("real.txt");
  }

  @Test
  void tooManyEntriesGiveAPartialResult() throws IOException {
    for (int i = 0; i < 20; i++) {
      file("many/f" + i, "x");
    }
    BuildContext context =
        BuildContext.of(root, DockerIgnore.empty(), new BuildContext.Limits(5, 10, 10));

    Listing listing = context.contents(context.resolve("many").matches().get(0));

    assertThat(listing.entries()).hasSize(5);
    assertThat(listing.truncated()).isTrue();
  }

  @Test
  void tooDeepTreesGiveAPartialResult() throws IOException {
    file("d/1/2/3/4/deep.txt", "x");
    BuildContext context =
        BuildContext.of(root, DockerIgnore.empty(), new BuildContext.Limits(100, 2, 10));

    Listing listing = context.contents(context.resolve("d").matches().get(0));

    assertThat(paths(listing.entries())).containsExactly("d/1", "d/1/2");
    assertThat(listing.problems()).extracting(ContextProblem::kind).containsExactly(Kind.TOO_DEEP);
  }

  @Test
  void fileFactsAreReadOnDemand() throws IOException {
    file("run.sh", "#!/bin/sh\r\necho\r\n");

    ContextEntry entry = context().resolve("run.sh").matches().get(0);

    assertThat(entry.facts())
        .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FileKind.SCRIPT));
    assertThat(entry.facts().orElseThrow().shebang().orElseThrow().crlf()).isTrue();
  }

  @Test
  void directoriesHaveNoFileFacts() throws IOException {
    file("dir/x", "x");

    ContextEntry entry = context().resolve("dir").matches().get(0);

    assertThat(entry.facts()).isEmpty();
    assertThat(entry.factsProblem()).isEmpty();
  }

  @Test
  void parentsKeepThePathBelowTheRoot() throws IOException {
    file("x/a.txt", "a");
    file("y/a.txt", "a");

    SourceResolution r = context().resolveParents("x/a.txt");

    assertThat(paths(r.matches())).containsExactly("x/a.txt");
  }

  @Test
  void parentsDoubleStarSpansDirectories() throws IOException {
    file("src/a.txt", "a");
    file("src/x/b.txt", "b");
    file("src/x/y/c.txt", "c");
    file("src/x/y/d.go", "d");

    SourceResolution r = context().resolveParents("./src/**/*.txt");

    assertThat(paths(r.matches())).containsExactly("src/a.txt", "src/x/b.txt", "src/x/y/c.txt");
  }

  @Test
  void parentsPivotLimitsTheKeptPath() throws IOException {
    file("x/y/a.txt", "a");

    SourceResolution r = context().resolveParents("./x/./y/*.txt");

    assertThat(paths(r.matches())).containsExactly("x/y/a.txt");
  }

  @Test
  void parentsLiteralThatDoesNotExistIsNotFound() {
    SourceResolution r = context().resolveParents("missing/file");

    assertThat(r.problems()).extracting(ContextProblem::kind).containsExactly(Kind.NOT_FOUND);
  }

  @Test
  void resolvedDirectoryIsPlacedWithItsModes() throws IOException {
    Path run = file("app/run.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    file("app/.env", "x");
    BuildContext context = context("**/.env");
    ContextEntry app = context.resolve("app").matches().get(0);

    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(
                "/srv/", List.of(new CopySource("app", app, context.contents(app).entries()))));

    assertThat(plan.placements())
        .extracting(CopyPlan.Placement::target)
        .containsExactly("/srv/run.sh");
    assertThat(plan.at("/srv/run.sh").orElseThrow().mode()).isEqualTo(0755);
  }
}
