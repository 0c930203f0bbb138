package dev.dockerlint.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.context.CopyPlan.Kind;
import dev.dockerlint.context.CopyPlan.Placement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyDestinationTest {
  private static ContextEntry file(String path, int mode) {
    return ContextEntry.of(path, EntryType.FILE, 1, mode);
  }

  private static ContextEntry dir(String path) {
    return ContextEntry.of(path, EntryType.DIRECTORY, 0, 0755);
  }

  private static CopySource source(ContextEntry entry) {
    return CopySource.of(entry.path(), entry);
  }

  private static List<String> targets(CopyPlan plan) {
    return plan.placements().stream().map(Placement::target).toList();
  }

  @ParameterizedTest(name = "WORKDIR {0}, dest ''{1}'' -> {2}")
  @CsvSource({
    "/, /app/, /app/",
    "/, /app, /app",
    "/srv, rel/, /srv/rel/",
    "/srv, rel, /srv/rel",
    "/srv, ., /srv/",
    "/srv, '', /srv/",
    "/, ., /",
    "/srv, ../x, /x",
    "/srv, /abs/./, /abs/",
    "/srv, /abs/., /abs/.",
  })
  void destinationIsMadeAbsolute(String workdir, String dest, String absolute) {
    assertThat(CopyDestination.absolute(workdir, dest)).isEqualTo(absolute);
  }

  @Test
  void fileGoesIntoADestinationEndingInSlash() {
    CopyPlan plan =
        CopyDestination.plan(CopyRequest.of("/app/", List.of(source(file("run.sh", 0755)))));

    assertThat(targets(plan)).containsExactly("/app/run.sh");
    assertThat(plan.issues()).isEmpty();
  }

  @Test
  void fileIsWrittenAsADestinationWithoutSlash() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("/usr/bin/app", List.of(source(file("build/app", 0755)))));

    assertThat(targets(plan)).containsExactly("/usr/bin/app");
  }

  @Test
  void relativeDestinationIsJoinedWithWorkdir() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("bin/", List.of(source(file("app", 0755)))).withWorkdir("/opt/svc"));

    assertThat(targets(plan)).containsExactly("/opt/svc/bin/app");
  }

  @Test
  void dotDestinationIsTheWorkdirAsADirectory() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(".", List.of(source(file("app", 0755)))).withWorkdir("/w"));

    assertThat(targets(plan)).containsExactly("/w/app");
  }

  @Test
  void fileGoesIntoADirectoryKnownInTheImage() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("/usr/local/bin", List.of(source(file("tool", 0755))))
                .withExistingDirectories(Set.of("/usr/local/bin")));

    assertThat(targets(plan)).containsExactly("/usr/local/bin/tool");
  }

  @Test
  void directoryCopiesItsContents() {
    ContextEntry app = dir("app");
    CopySource source =
        new CopySource(
            "app",
            app,
            List.of(file("app/main.py", 0644), dir("app/lib"), file("app/lib/x.py", 0644)));

    CopyPlan plan = CopyDestination.plan(CopyRequest.of("/srv", List.of(source)));

    assertThat(targets(plan)).containsExactly("/srv", "/srv/main.py", "/srv/lib", "/srv/lib/x.py");
    assertThat(plan.at("/srv").orElseThrow().type()).isEqualTo(EntryType.DIRECTORY);
  }

  @Test
  void createdDestinationDirectoryGetsTheDefaultMode() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("/srv/", List.of(new CopySource("app", dir("app"), List.of()))));

    assertThat(plan.placements()).isEmpty();
    CopyPlan created =
        CopyDestination.plan(
            CopyRequest.of("/srv", List.of(new CopySource("app", dir("app"), List.of()))));
    assertThat(created.at("/srv").orElseThrow().mode()).isEqualTo(0755);
  }

  @Test
  void rootContextCopiesEverythingIntoTheDestination() {
    CopySource source =
        new CopySource(
            ".", dir("."), List.of(file("main.go", 0644), dir("cmd"), file("cmd/x.go", 0644)));

    CopyPlan plan = CopyDestination.plan(CopyRequest.of("/src/", List.of(source)));

    assertThat(targets(plan)).containsExactly("/src/main.go", "/src/cmd", "/src/cmd/x.go");
  }

  @Test
  void severalSourcesWithoutSlashAreReportedAndTheLastWins() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("/dest", List.of(source(file("one", 0644)), source(file("two", 0600)))));

    assertThat(plan.issues())
        .extracting(CopyPlan.Issue::kind)
        .containsExactly(Kind.SEVERAL_SOURCES_WITHOUT_TRAILING_SLASH, Kind.OVERWRITTEN);
    assertThat(plan.at("/dest").orElseThrow().source().path()).isEqualTo("two");
  }

  @Test
  void severalSourcesWithSlashAreFine() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(
                "/dest/", List.of(source(file("one", 0644)), source(file("two", 0644)))));

    assertThat(targets(plan)).containsExactly("/dest/one", "/dest/two");
    assertThat(plan.issues()).isEmpty();
  }

  @Test
  void fileAfterADirectorySourceGoesInside() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(
                "/dest",
                List.of(
                    new CopySource("conf", dir("conf"), List.of(file("conf/a", 0644))),
                    source(file("b", 0644)))));

    assertThat(targets(plan)).containsExactly("/dest", "/dest/a", "/dest/b");
  }

  @Test
  void directoryOntoAnEarlierFileIsReported() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(
                "/dest",
                List.of(source(file("a", 0644)), new CopySource("d", dir("d"), List.of()))));

    assertThat(plan.issues()).extracting(CopyPlan.Issue::kind).contains(Kind.DIRECTORY_ONTO_FILE);
  }

  @Test
  void parentsKeepTheRelativePath() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(
                    "/parents/",
                    List.of(
                        CopySource.of("./x/a.txt", file("x/a.txt", 0644)),
                        CopySource.of("./y/a.txt", file("y/a.txt", 0644))))
                .withParents(true));

    assertThat(targets(plan)).containsExactly("/parents/x/a.txt", "/parents/y/a.txt");
    assertThat(plan.issues()).extracting(CopyPlan.Issue::kind).doesNotContain(Kind.OVERWRITTEN);
  }

  @Test
  void parentsKeepOnlyThePathAfterThePivot() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of(
                    "/parents/", List.of(CopySource.of("./x/./y/*.txt", file("x/y/a.txt", 0644))))
                .withParents(true));

    assertThat(targets(plan)).containsExactly("/parents/y/a.txt");
  }

  @Test
  void parentsPlaceDirectoryContentsBelowTheDirectory() {
    CopySource source = new CopySource("conf", dir("conf"), List.of(file("conf/a.ini", 0644)));

    CopyPlan plan =
        CopyDestination.plan(CopyRequest.of("/etc/", List.of(source)).withParents(true));

    assertThat(targets(plan)).containsExactly("/etc/conf", "/etc/conf/a.ini");
  }

  @Test
  void withoutChmodTheSourceModeIsKept() {
    CopyPlan plan =
        CopyDestination.plan(CopyRequest.of("/app/", List.of(source(file("run.sh", 0644)))));

    assertThat(plan.placements().get(0).mode()).isEqualTo(0644);
  }

  @Test
  void octalChmodReplacesModesAndSetsTheNewDirectory() {
    CopySource source =
        new CopySource("app", dir("app"), List.of(file("app/run.sh", 0644), dir("app/lib")));

    CopyPlan plan = CopyDestination.plan(CopyRequest.of("/srv", List.of(source)).withChmod("644"));

    assertThat(plan.placements()).extracting(Placement::mode).containsExactly(0644, 0644, 0644);
  }

  @Test
  void symbolicChmodChangesEachEntry() {
    CopySource source =
        new CopySource(
            "app",
            dir("app"),
            List.of(file("app/run.sh", 0700), file("app/README", 0600), dir("app/lib")));

    CopyPlan plan =
        CopyDestination.plan(CopyRequest.of("/srv/", List.of(source)).withChmod("u=rwX,go=rX"));

    assertThat(plan.placements()).extracting(Placement::mode).containsExactly(0755, 0644, 0755);
  }

  @Test
  void chmodLeavesSymlinksAlone() {
    CopySource source =
        new CopySource("app", dir("app"), List.of(ContextEntry.symlink("app/l", "x")));

    CopyPlan plan = CopyDestination.plan(CopyRequest.of("/srv/", List.of(source)).withChmod("600"));

    assertThat(plan.placements().get(0).mode()).isEqualTo(0777);
    assertThat(plan.placements().get(0).type()).isEqualTo(EntryType.SYMLINK);
  }

  @Test
  void invalidChmodIsAnIssueAndModesStay() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("/app/", List.of(source(file("a", 0640)))).withChmod("9999"));

    assertThat(plan.issues()).extracting(CopyPlan.Issue::kind).containsExactly(Kind.INVALID_CHMOD);
    assertThat(plan.placements().get(0).mode()).isEqualTo(0640);
  }

  @Test
  void chownIsRecordedOnEveryPlacement() {
    CopyPlan plan =
        CopyDestination.plan(
            CopyRequest.of("/app/", List.of(source(file("a", 0644)), source(file("b", 0644))))
                .withChown("app:app"));

    assertThat(plan.placements())
        .extracting(Placement::chown)
        .allSatisfy(c -> assertThat(c).contains("app:app"));
  }

  @Test
  void planIsAPureFunction() {
    CopyRequest request = CopyRequest.of("/app/", List.of(source(file("a", 0644))));

    assertThat(CopyDestination.plan(request)).isEqualTo(CopyDestination.plan(request));
  }
}
