package dev.dockerlint.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.filefacts.FileKind;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.testkit.Layer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

class LayerReaderTest {

  private static FileIndex apply(List<byte[]> layers) throws LayerException {
    LayerReader reader = new LayerReader(LayerLimits.DEFAULT);
    FilesystemBuilder fs = new FilesystemBuilder(1000);
    int i = 0;
    for (byte[] l : layers) {
      fs.apply(reader.read(new ByteArrayInputStream(l), "layer" + i++));
    }
    return fs.build();
  }

  @Test
  void indexesTypesModesOwnersAndScriptFacts() throws Exception {
    Layer l =
        Layer.builder()
            .directory("/bin", 0755)
            .file("/bin/busybox", "\u007fELF", 0755)
            .symlink("/bin/sh", "busybox")
            .file("/entrypoint.sh", "#!/bin/bash\r\necho hi\n", 0750, 10, 20)
            .file("/etc/motd", "hello", 0644)
            .build();
    FileIndex idx = apply(List.of(l.gzip()));
    FileEntry script = idx.get("/entrypoint.sh").orElseThrow();
    assertThat(script.kind()).isEqualTo(FileEntry.Kind.FILE);
    assertThat(script.mode()).isEqualTo(0750);
    assertThat(script.uid()).isEqualTo(10);
    assertThat(script.gid()).isEqualTo(20);
    assertThat(script.facts().orElseThrow().kind()).isEqualTo(FileKind.SCRIPT);
    assertThat(script.facts().orElseThrow().shebang().orElseThrow().interpreter())
        .isEqualTo("/bin/bash\r");
    assertThat(idx.get("/etc/motd").orElseThrow().facts()).isEmpty();
    assertThat(idx.get("/bin/sh").orElseThrow().linkTarget()).contains("busybox");
    assertThat(idx.resolve("/bin/sh").orElseThrow().path()).isEqualTo("/bin/busybox");
  }

  @Test
  void whiteoutsHideLowerFilesAndOpaqueDirectoriesHideLowerContents() throws Exception {
    Layer lower =
        Layer.builder()
            .file("/etc/motd", "a", 0644)
            .file("/var/cache/x", "a", 0644)
            .file("/var/cache/sub/y", "a", 0644)
            .file("/opt/app/bin/run", "#!/bin/sh\n", 0755)
            .build();
    Layer upper =
        Layer.builder()
            .whiteout("/etc/motd")
            .opaque("/var/cache")
            .file("/var/cache/z", "b", 0644)
            .whiteout("/opt/app")
            .build();
    FileIndex idx = apply(List.of(lower.tar(), upper.gzip()));
    assertThat(idx.get("/etc/motd")).isEmpty();
    assertThat(idx.get("/var/cache")).isPresent();
    assertThat(idx.get("/var/cache/x")).isEmpty();
    assertThat(idx.get("/var/cache/sub/y")).isEmpty();
    assertThat(idx.get("/var/cache/z")).isPresent();
    assertThat(idx.get("/opt/app/bin/run")).isEmpty();
    assertThat(idx.get("/opt/app")).isEmpty();
    assertThat(idx.entries()).noneMatch(e -> e.path().contains(".wh."));
  }

  @Test
  void aFileReplacesALowerDirectoryWithEverythingBelowIt() throws Exception {
    Layer lower = Layer.builder().file("/app/lib/x.so", "a", 0644).build();
    Layer upper = Layer.builder().file("/app", "now a file", 0644).build();
    FileIndex idx = apply(List.of(lower.tar(), upper.tar()));
    assertThat(idx.get("/app").orElseThrow().kind()).isEqualTo(FileEntry.Kind.FILE);
    assertThat(idx.get("/app/lib/x.so")).isEmpty();
  }

  @Test
  void hardLinksBecomeFilesWithTheLinkedFilesFacts() throws Exception {
    Layer l =
        Layer.builder()
            .file("/bin/real", "#!/bin/sh\necho\n", 0755)
            .hardlink("/bin/alias", "/bin/real")
            .build();
    FileEntry alias = apply(List.of(l.tar())).get("/bin/alias").orElseThrow();
    assertThat(alias.kind()).isEqualTo(FileEntry.Kind.FILE);
    assertThat(alias.executable()).isTrue();
    assertThat(alias.linkTarget()).contains("/bin/real");
    assertThat(alias.facts().orElseThrow().kind()).isEqualTo(FileKind.SCRIPT);
  }

  @Test
  void missingParentsAppearAsDirectories() throws Exception {
    FileIndex idx = apply(List.of(Layer.builder().file("/a/b/c", "x", 0644).build().tar()));
    assertThat(idx.get("/a/b").orElseThrow().kind()).isEqualTo(FileEntry.Kind.DIRECTORY);
    assertThat(idx.get("/a").orElseThrow().mode()).isEqualTo(0755);
  }

  @Test
  void symlinksResolveInsideTheRootAndStopAfterFortyHops() throws Exception {
    Layer l =
        Layer.builder()
            .file("/usr/bin/python3.12", "\u007fELF", 0755)
            .symlink("/usr/bin/python3", "python3.12")
            .symlink("/bin", "usr/bin")
            .symlink("/escape", "../../../../usr/bin/python3")
            .symlink("/loop1", "loop2")
            .symlink("/loop2", "/loop1")
            .symlink("/dangling", "/nowhere")
            .build();
    FileIndex idx = apply(List.of(l.tar()));
    assertThat(idx.resolve("/bin/python3").orElseThrow().path()).isEqualTo("/usr/bin/python3.12");
    assertThat(idx.resolve("/escape").orElseThrow().path()).isEqualTo("/usr/bin/python3.12");
    assertThat(idx.resolve("/loop1")).isEmpty();
    assertThat(idx.resolve("/dangling")).isEmpty();
    assertThat(idx.resolve("/usr/bin/python3.12/x")).isEmpty();
  }

  @Test
  void anEntryOutsideTheRootIsRefused() throws Exception {
    byte[] tar = tarWith("../../etc/passwd", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> apply(List.of(tar)))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("outside the image root")
        .hasMessageContaining("../../etc/passwd");
  }

  @Test
  void aTruncatedLayerIsReportedAsTruncated() throws Exception {
    byte[] gz = Layer.builder().file("/big", new byte[200_000], 0644).build().gzip();
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    assertThatThrownBy(() -> apply(List.of(cut)))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("truncated or corrupt");
  }

  @Test
  void aGzipBombIsStoppedByTheRatioLimit() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry e = new TarArchiveEntry("zeros");
      long size = 256L << 20;
      e.setSize(size);
      tar.putArchiveEntry(e);
      byte[] zeros = new byte[1 << 20];
      for (long w = 0; w < size; w += zeros.length) {
        tar.write(zeros);
      }
      tar.closeArchiveEntry();
    }
    byte[] bomb = bytes.toByteArray();
    assertThat(bomb.length).isLessThan(1 << 20);
    LayerReader reader = new LayerReader(LayerLimits.DEFAULT);
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bomb), "bomb"))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("decompression bomb");
    assertThat(reader.expanded()).isLessThan(LayerLimits.RATIO_GRACE + (2L << 20));
  }

  @Test
  void theTransferLimitStopsLargeLayers() throws Exception {
    byte[] tar = Layer.builder().file("/x", new byte[300_000], 0644).build().tar();
    LayerReader reader = new LayerReader(LayerLimits.of(100_000));
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(tar), "big"))
        .isInstanceOf(LayerException.class)
        .hasMessageContaining("--image-files-max-bytes");
  }

  @Test
  void zstdLayersAreRead() throws Exception {
    byte[] tar = Layer.builder().file("/usr/bin/tool", "#!/bin/sh\n", 0755).build().tar();
    io.airlift.compress.zstd.ZstdCompressor c = new io.airlift.compress.zstd.ZstdCompressor();
    byte[] out = new byte[c.maxCompressedLength(tar.length)];
    int n = c.compress(tar, 0, tar.length, out, 0, out.length);
    FileIndex idx = apply(List.of(java.util.Arrays.copyOf(out, n)));
    assertThat(idx.get("/usr/bin/tool").orElseThrow().executable()).isTrue();
  }

  private static byte[] tarWith(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
