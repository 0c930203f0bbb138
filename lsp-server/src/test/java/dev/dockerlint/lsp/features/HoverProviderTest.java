package dev.dockerlint.lsp.features;

import static dev.dockerlint.lsp.LspAssert.NEVER;
import static dev.dockerlint.lsp.LspAssert.URI;
import static dev.dockerlint.lsp.LspAssert.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.lsp.LspAssert;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoverProviderTest {

  private static String hover(String text) {
    return hover(text, ImageMetadataSource.none("test"));
  }

  private static String hover(String text, ImageMetadataSource images) {
    LspAssert.Cursor c = cursor(text);
    return hover(c.doc(), c.position(), images);
  }

  private static String hover(
      DocumentModel doc, org.eclipse.lsp4j.Position p, ImageMetadataSource images) {
    Hover h =
        new HoverProvider(TestRules.diagnostics(), images)
            .provide(
                doc,
                new HoverParams(new TextDocumentIdentifier(doc.uri()), p),
                ServerSettings.DEFAULTS,
                NEVER);
    return h == null ? "" : h.getContents().getRight().getValue();
  }

  @Test
  void keywordShowsTheInstructionDocs() {
    assertThat(hover("FROM alpine\nWORK|DIR /app\n"))
        .contains("WORKDIR <path>", "docs.docker.com/reference/dockerfile/#workdir");
  }

  @Test
  void flagShowsTheFlagDocs() {
    assertThat(hover("FROM alpine AS a\nFROM alpine\nCOPY --li|nk --from=a /x /y\n"))
        .contains("--link", "independent layer");
  }

  @Test
  void diagnosticShowsTheRuleDoc() {
    assertThat(hover("FROM alpine\nMAINT|AINER me\n"))
        .contains(
            "DKL4000 maintainer-deprecated", "## Why is this bad?", "dockerlint.dev/rules/dkl4000");
  }

  @Test
  void variableShowsItsValueAndWhereItIsSet() {
    assertThat(hover("FROM alpine\nARG VERSION=1.2\nRUN echo $VER|SION\n"))
        .contains("ARG VERSION", "`1.2`", "line 2", "ARG VERSION=1.2");
  }

  @Test
  void globalArgUnseenInAStageSaysSo() {
    assertThat(hover("ARG V=1\nFROM alpine\nRUN echo $|V\n"))
        .contains("not set in this stage", "ARG V");
  }

  @Test
  void automaticArgShowsThePlatformValue() {
    assertThat(hover("FROM --platform=$BUILD|PLATFORM alpine\n")).contains("automatic", "linux/");
  }

  @Test
  void fromShowsImageFactsWhenTheSourceHasThem() {
    ImageMetadataSource images =
        (ref, platform, withFiles) ->
            new Lookup.Found(
                new ImageInfo(
                    ref,
                    Optional.of("sha256:" + "a".repeat(64)),
                    platform,
                    List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64),
                    new ImageConfig(
                        List.of("PATH=/usr/bin"),
                        Optional.of(List.of("/docker-entrypoint.sh")),
                        Optional.of(List.of("nginx")),
                        Optional.empty(),
                        Optional.of("101"),
                        Optional.empty(),
                        Map.of()),
                    Optional.empty()));
    assertThat(hover("FROM ngi|nx:1.27\n", images))
        .contains(
            "docker.io/library/nginx:1.27",
            "sha256:aaaa",
            "linux/arm64",
            "/docker-entrypoint.sh",
            "| user | `101` |",
            "env PATH");
  }

  @Test
  void fromWithoutImageFactsSaysWhy() {
    assertThat(hover("FROM alp|ine:3.20\n")).contains("alpine:3.20", "image facts: test");
  }

  @Test
  void copySourceShowsFileFacts(@TempDir Path dir) throws IOException {
    Path script = dir.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\r\necho hi\r\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
    String text = "FROM alpine\nCOPY run.sh /\n";
    DocumentModel doc =
        new DocumentModel(
            dir.resolve("Dockerfile").toUri().toString(), 1, text, LspAssert.doc("").options());
    String h = hover(doc, new org.eclipse.lsp4j.Position(1, 7), ImageMetadataSource.none("t"));
    assertThat(h).contains("`run.sh`: file", "mode `0644`", "shebang: `#!/bin/sh`", "CRLF");
  }

  @Test
  void nothingOnBlankSpace() {
    assertThat(hover("FROM alpine\n|\n")).isEmpty();
    assertThat(URI).isNotEmpty();
  }
}
