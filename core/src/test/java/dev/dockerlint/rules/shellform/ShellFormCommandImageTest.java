package dev.dockerlint.rules.shellform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DKL1001 with facts about base images: a shell-less image (like distroless) is as much an error as
 * {@code FROM scratch}; an image with a shell, a SHELL in its config or an ENTRYPOINT that takes
 * the CMD as arguments is not. The facts come from a fixed in-memory source (one image, its config
 * and its file list), standing in for the image sources until rule fixtures can name image facts.
 */
class ShellFormCommandImageTest {

  private static final BuildOptions AMD64 =
      new BuildOptions(Platform.LINUX_AMD64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  /** One image's config and files, answered for any platform; every other image is unknown. */
  private record OneImage(String reference, ImageConfig config, List<String> files)
      implements ImageMetadataSource {
    @Override
    public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
      if (!ref.equals(ImageRef.parse(reference).orElseThrow())) {
        return new Lookup.Unavailable("not in this test");
      }
      Map<String, FileEntry> entries = new LinkedHashMap<>();
      for (String f : files) {
        entries.put(
            f,
            new FileEntry(
                f, FileEntry.Kind.FILE, 0755, 1, 0, 0, Optional.empty(), Optional.empty()));
      }
      FileIndex index =
          new FileIndex() {
            @Override
            public Optional<FileEntry> get(String path) {
              return Optional.ofNullable(entries.get(path));
            }

            @Override
            public Optional<FileEntry> resolve(String path) {
              return get(path);
            }

            @Override
            public Collection<FileEntry> entries() {
              return entries.values();
            }
          };
      return new Lookup.Found(
          new ImageInfo(
              ref,
              Optional.empty(),
              platform,
              List.of(),
              config,
              withFiles ? Optional.of(index) : Optional.empty()));
    }
  }

  private static ImageConfig config(
      Optional<List<String>> entrypoint, Optional<List<String>> shell) {
    return new ImageConfig(
        List.of("PATH=/usr/bin:/bin"),
        entrypoint,
        Optional.empty(),
        shell,
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  private static List<Diagnostic> lint(String dockerfile, ImageMetadataSource images) {
    Linter linter = new Linter(new RuleRegistry(List.of(new ShellFormCommand())));
    return linter.lint("Dockerfile", dockerfile, AMD64, Optional.empty(), images).diagnostics();
  }

  private static final String DISTROLESS = "gcr.io/distroless/static-debian12:nonroot";

  @Test
  void shellFormCmdOnAShellLessImageIsAnError() {
    OneImage image =
        new OneImage(
            DISTROLESS, config(Optional.empty(), Optional.empty()), List.of("/etc/passwd"));

    List<Diagnostic> ds = lint("FROM " + DISTROLESS + "\nCOPY app /app\nCMD /app serve\n", image);

    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(ds.get(0).predicts()).contains(Predicts.NO_SUCH_FILE);
    assertThat(ds.get(0).message())
        .contains("FROM gcr.io/distroless/static-debian12:nonroot, which has no /bin/sh");
  }

  @Test
  void shellFormCmdOnAnImageWithAShellIsTheSignalWarning() {
    OneImage image =
        new OneImage(DISTROLESS, config(Optional.empty(), Optional.empty()), List.of("/bin/sh"));

    List<Diagnostic> ds = lint("FROM " + DISTROLESS + "\nCMD /app serve\n", image);

    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(ds.get(0).predicts()).isEmpty();
  }

  @Test
  void aShellInTheImageConfigSilencesTheSignalWarning() {
    OneImage image =
        new OneImage(
            DISTROLESS,
            config(Optional.empty(), Optional.of(List.of("/bin/sh", "-c"))),
            List.of("/bin/sh"));

    assertThat(lint("FROM " + DISTROLESS + "\nCMD /app serve\n", image)).isEmpty();
  }

  @Test
  void aCmdPassedToAnImageEntrypointDoesNotNeedTheShell() {
    OneImage image =
        new OneImage(
            DISTROLESS, config(Optional.of(List.of("/entrypoint")), Optional.empty()), List.of());

    List<Diagnostic> ds = lint("FROM " + DISTROLESS + "\nCMD serve --port 80\n", image);

    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(ds.get(0).predicts()).isEmpty();
  }

  @Test
  void anImageNobodyCanInspectGetsOnlyTheSignalWarning() {
    List<Diagnostic> ds =
        lint("FROM " + DISTROLESS + "\nCMD /app serve\n", ImageMetadataSource.none("offline"));

    assertThat(ds).hasSize(1);
    assertThat(ds.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(ds.get(0).predicts()).isEmpty();
  }
}
