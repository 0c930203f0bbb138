package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

class LayerTest {

  private static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        entries.add(e);
      }
    }
    return entries;
  }

  @Test
  void writesModesOwnersAndTypesExactly() throws IOException {
    Layer layer =
        Layer.builder()
            .directory("/tmp", 01777)
            .file("/bin/tool", new byte[] {1, 2, 3}, 04755, 1000, 1001)
            .symlink("/bin/sh", "tool")
            .hardlink("/bin/tool2", "/bin/tool")
            .build();

    List<TarArchiveEntry> entries = entries(layer.tar());

    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly("tmp/", "bin/tool", "bin/sh", "bin/tool2");
    assertThat(entries.get(0).isDirectory()).isTrue();
    assertThat(entries.get(0).getMode() & 07777).isEqualTo(01777);
    assertThat(entries.get(1).getMode()).isEqualTo(0104755);
    assertThat(entries.get(1).getLongUserId()).isEqualTo(1000);
    assertThat(entries.get(1).getLongGroupId()).isEqualTo(1001);
    assertThat(entries.get(1).getSize()).isEqualTo(3);
    assertThat(entries.get(2).isSymbolicLink()).isTrue();
    assertThat(entries.get(2).getLinkName()).isEqualTo("tool");
    assertThat(entries.get(3).isLink()).isTrue();
    assertThat(entries.get(3).getLinkName()).isEqualTo("bin/tool");
  }

  @Test
  void hardlinkHeaderRepeatsTheFileModeAndOwner() throws IOException {
    Layer layer =
        Layer.builder()
            .file("/bin/tool", new byte[] {1}, 04750, 1000, 1001)
            .hardlink("/bin/tool2", "/bin/tool")
            .build();

    TarArchiveEntry link = entries(layer.tar()).get(1);

    assertThat(link.getMode()).isEqualTo(0104750);
    assertThat(link.getLongUserId()).isEqualTo(1000);
    assertThat(link.getLongGroupId()).isEqualTo(1001);
  }

  @Test
  void writesWhiteoutsAsOciNames() throws IOException {
    Layer layer = Layer.builder().whiteout("/etc/motd").opaque("/var/cache").build();

    assertThat(entries(layer.tar()))
        .extracting(TarArchiveEntry::getName)
        .containsExactly("etc/.wh.motd", "var/cache/.wh..wh..opq");
  }

  @Test
  void equalLayersHaveEqualDigests() {
    Layer a = Layer.builder().file("/a", "x", 0644).build();
    Layer b = Layer.builder().file("/a", "x", 0644).build();

    assertThat(a.diffId()).isEqualTo(b.diffId());
    assertThat(Digest.sha256(a.gzip())).isEqualTo(Digest.sha256(b.gzip()));
  }

  @Test
  void gzipHoldsTheTar() throws IOException {
    Layer layer = Layer.builder().file("/a", "hello", 0644).build();

    try (GzipCompressorInputStream in =
        new GzipCompressorInputStream(new ByteArrayInputStream(layer.gzip()))) {
      assertThat(in.readAllBytes()).isEqualTo(layer.tar());
    }
  }

  @Test
  void keepsLongPaths() throws IOException {
    String path = "/" + "d".repeat(120) + "/" + "f".repeat(120);
    Layer layer = Layer.builder().file(path, "x".getBytes(StandardCharsets.UTF_8), 0600).build();

    assertThat(entries(layer.tar()).get(0).getName()).isEqualTo(path.substring(1));
  }

  @Test
  void refusesHardlinkToUnknownFile() {
    assertThatThrownBy(() -> Layer.builder().hardlink("/b", "/a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/a");
  }

  @Test
  void refusesRelativePaths() {
    assertThatThrownBy(() -> Layer.builder().file("bin/x", "", 0755))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
