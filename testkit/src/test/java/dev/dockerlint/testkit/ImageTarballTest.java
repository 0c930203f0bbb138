package dev.dockerlint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTarballTest {

  private static final Layer LAYER = Layer.builder().file("/hello", "hi", 0755).build();

  private static Map<String, byte[]> untar(Path tar) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream t = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = t.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          files.put(e.getName(), t.readAllBytes());
        }
      }
    }
    return files;
  }

  @Test
  void configHoldsPlatformAndRunSettings() {
    ImageTarball image =
        ImageTarball.builder()
            .platform(Platform.LINUX_ARM64)
            .layer(LAYER)
            .env("PATH", "/bin")
            .entrypoint("/hello")
            .cmd("a", "b")
            .user("1000:1000")
            .workingDir("/work")
            .shell("/bin/bash", "-c")
            .label("k", "v")
            .build();

    JsonNode config = Json.parse(image.config());

    assertThat(config.path("architecture").asText()).isEqualTo("arm64");
    assertThat(config.path("variant").asText()).isEqualTo("v8");
    assertThat(config.path("os").asText()).isEqualTo("linux");
    assertThat(config.path("config").toString())
        .isEqualTo(
            "{\"Env\":[\"PATH=/bin\"],\"Entrypoint\":[\"/hello\"],\"Cmd\":[\"a\",\"b\"],"
                + "\"User\":\"1000:1000\",\"WorkingDir\":\"/work\",\"Shell\":[\"/bin/bash\",\"-c\"],"
                + "\"Labels\":{\"k\":\"v\"}}");
    assertThat(config.path("rootfs").path("diff_ids").get(0).asText())
        .isEqualTo(LAYER.diffId().toString());
  }

  @Test
  void shellFormCmdUsesTheImageShell() {
    ImageTarball image =
        ImageTarball.builder().shell("/bin/ash", "-eo").shellCmd("echo hi").build();

    assertThat(Json.parse(image.config()).path("config").path("Cmd").toString())
        .isEqualTo("[\"/bin/ash\",\"-eo\",\"echo hi\"]");
  }

  @Test
  void dockerArchiveHasManifestConfigAndLayersByDigest(@TempDir Path dir) throws IOException {
    ImageTarball image = ImageTarball.builder().layer(LAYER).tag("test/x:1").build();

    Map<String, byte[]> files = untar(image.writeDockerArchive(dir.resolve("image.tar")));

    JsonNode manifest = Json.parse(files.get("manifest.json")).get(0);
    assertThat(manifest.path("RepoTags").get(0).asText()).isEqualTo("test/x:1");
    String configName = manifest.path("Config").asText();
    assertThat(configName).isEqualTo(image.id().hex() + ".json");
    assertThat(Digest.sha256(files.get(configName))).isEqualTo(image.id());
    String layerName = manifest.path("Layers").get(0).asText();
    assertThat(Digest.sha256(files.get(layerName))).isEqualTo(LAYER.diffId());
  }

  @Test
  void ociLayoutBlobsMatchTheirNames(@TempDir Path dir) throws IOException {
    ImageTarball image = ImageTarball.builder().layer(LAYER).tag("test/x:v1").build();

    image.writeOciLayout(dir);

    assertThat(Files.readString(dir.resolve("oci-layout"))).contains("\"1.0.0\"");
    JsonNode index = Json.parse(Files.readAllBytes(dir.resolve("index.json")));
    JsonNode entry = index.path("manifests").get(0);
    assertThat(entry.path("annotations").path("org.opencontainers.image.ref.name").asText())
        .isEqualTo("v1");
    try (var blobs = Files.list(dir.resolve("blobs/sha256"))) {
      for (Path blob : blobs.toList()) {
        assertThat(Digest.sha256(Files.readAllBytes(blob)).hex())
            .isEqualTo(blob.getFileName().toString());
      }
    }
    Digest manifestDigest = Digest.parse(entry.path("digest").asText());
    JsonNode manifest =
        Json.parse(Files.readAllBytes(dir.resolve("blobs/sha256/" + manifestDigest.hex())));
    assertThat(manifest.path("config").path("digest").asText()).isEqualTo(image.id().toString());
    assertThat(manifest.path("layers").get(0).path("mediaType").asText())
        .isEqualTo(ManifestFormat.OCI.layerType());
  }
}
