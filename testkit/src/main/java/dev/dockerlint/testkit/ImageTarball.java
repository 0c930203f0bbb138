package dev.dockerlint.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An image built in memory from {@link Layer}s and a config, written as a {@code docker save}
 * tarball (for {@code docker load}) or as an OCI image layout, and pushed by {@link Registry}.
 *
 * <p>The config says whatever the test sets, including a platform that does not match the binaries
 * in the layers: that mismatch is what dockerlint predicts. See the <a
 * href="https://github.com/opencontainers/image-spec/blob/main/config.md">image config spec</a>.
 */
public final class ImageTarball {

  /** The shell a shell-form {@code CMD} runs under when the image sets none. */
  public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  private final Platform platform;
  private final List<Layer> layers;
  private final String tag;
  private final byte[] config;

  private ImageTarball(Builder b) {
    this.platform = b.platform;
    this.layers = List.copyOf(b.layers);
    this.tag = b.tag.orElseGet(() -> "dockerlint-testkit/image:" + UUID.randomUUID());
    this.config = config(b, layers);
  }

  /** A builder of an image for linux/amd64 with no layers and nothing in its config. */
  public static Builder builder() {
    return new Builder();
  }

  /** The platform the config declares. */
  public Platform platform() {
    return platform;
  }

  /** The layers, lowest first. */
  public List<Layer> layers() {
    return layers;
  }

  /** The {@code repository:tag} that {@code docker load} gives the image. */
  public String tag() {
    return tag;
  }

  /** The config JSON. */
  public byte[] config() {
    return config.clone();
  }

  /** The image ID: the digest of the config, as {@code docker image inspect} reports it. */
  public Digest id() {
    return Digest.sha256(config);
  }

  /** The config's descriptor in a manifest of {@code format}. */
  public Descriptor configDescriptor(ManifestFormat format) {
    return Descriptor.of(format.configType(), config);
  }

  /** The descriptors of the gzip-compressed layers in a manifest of {@code format}. */
  public List<Descriptor> layerDescriptors(ManifestFormat format) {
    return layers.stream().map(l -> Descriptor.of(format.layerType(), l.gzip())).toList();
  }

  /** The image manifest JSON of {@code format}, referencing the config and gzip layers. */
  public byte[] manifest(ManifestFormat format) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 2);
    root.put("mediaType", format.manifestType());
    root.set("config", Json.descriptor(configDescriptor(format)));
    ArrayNode layerArray = root.putArray("layers");
    layerDescriptors(format).forEach(d -> layerArray.add(Json.descriptor(d)));
    return Json.bytes(root);
  }

  /** The manifest's descriptor, claiming this image's platform (for an index entry). */
  public Descriptor manifestDescriptor(ManifestFormat format) {
    return Descriptor.of(format.manifestType(), manifest(format)).withPlatform(platform);
  }

  /**
   * Writes the image as {@code docker save} does (the docker-archive format): {@code
   * manifest.json}, {@code <config digest>.json}, {@code <diff id>/layer.tar}.
   *
   * @return {@code file}
   */
  public Path writeDockerArchive(Path file) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String configName = id().hex() + ".json";
    files.put(configName, config);
    List<String> layerNames = new ArrayList<>();
    for (Layer layer : layers) {
      String name = layer.diffId().hex() + "/layer.tar";
      layerNames.add(name);
      files.putIfAbsent(name, layer.tar());
    }
    ArrayNode manifest = Json.MAPPER.createArrayNode();
    ObjectNode entry = manifest.addObject();
    entry.put("Config", configName);
    entry.putArray("RepoTags").add(tag);
    ArrayNode layerArray = entry.putArray("Layers");
    layerNames.forEach(layerArray::add);
    files.put("manifest.json", Json.bytes(manifest));
    writeTar(file, files);
    return file;
  }

  /**
   * Writes the image as an OCI image layout directory: {@code oci-layout}, {@code index.json} (one
   * manifest, named by this image's tag) and {@code blobs/sha256/}.
   *
   * @return {@code directory}
   */
  public Path writeOciLayout(Path directory) {
    ManifestFormat format = ManifestFormat.OCI;
    try {
      Path blobs = Files.createDirectories(directory.resolve("blobs/sha256"));
      Files.write(
          directory.resolve("oci-layout"),
          "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      writeBlob(blobs, config);
      for (Layer layer : layers) {
        writeBlob(blobs, layer.gzip());
      }
      byte[] manifest = manifest(format);
      writeBlob(blobs, manifest);
      ObjectNode index = Json.object();
      index.put("schemaVersion", 2);
      index.put("mediaType", format.indexType());
      ObjectNode entry = Json.descriptor(manifestDescriptor(format));
      entry
          .putObject("annotations")
          .put("org.opencontainers.image.ref.name", tag.substring(tag.lastIndexOf(':') + 1));
      index.putArray("manifests").add(entry);
      Files.write(directory.resolve("index.json"), Json.bytes(index));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an OCI layout to " + directory, e);
    }
    return directory;
  }

  private static void writeBlob(Path blobs, byte[] content) throws IOException {
    Files.write(blobs.resolve(Digest.sha256(content).hex()), content);
  }

  private static void writeTar(Path file, Map<String, byte[]> files) {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      Set<String> directories = new HashSet<>();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        int slash = f.getKey().lastIndexOf('/');
        if (slash > 0 && directories.add(f.getKey().substring(0, slash))) {
          TarArchiveEntry dir = new TarArchiveEntry(f.getKey().substring(0, slash + 1));
          dir.setModTime(FileTime.from(Layer.MTIME));
          tar.putArchiveEntry(dir);
          tar.closeArchiveEntry();
        }
        TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
        entry.setSize(f.getValue().length);
        entry.setModTime(FileTime.from(Layer.MTIME));
        tar.putArchiveEntry(entry);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static byte[] config(Builder b, List<Layer> layers) {
    ObjectNode root = Json.object();
    root.put("architecture", b.platform.architecture());
    root.put("os", b.platform.os());
    b.platform.variant().ifPresent(v -> root.put("variant", v));
    root.put("created", b.created.toString());
    ObjectNode config = root.putObject("config");
    if (!b.env.isEmpty()) {
      ArrayNode env = config.putArray("Env");
      b.env.forEach((k, v) -> env.add(k + "=" + v));
    }
    b.entrypoint.ifPresent(e -> strings(config.putArray("Entrypoint"), e));
    b.cmd.ifPresent(c -> strings(config.putArray("Cmd"), c));
    b.user.ifPresent(u -> config.put("User", u));
    b.workingDir.ifPresent(w -> config.put("WorkingDir", w));
    b.shell.ifPresent(s -> strings(config.putArray("Shell"), s));
    b.healthcheck.ifPresent(h -> strings(config.putObject("Healthcheck").putArray("Test"), h));
    if (!b.labels.isEmpty()) {
      ObjectNode labels = config.putObject("Labels");
      b.labels.forEach(labels::put);
    }
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(l -> diffIds.add(l.diffId().toString()));
    ArrayNode history = root.putArray("history");
    for (int i = 0; i < layers.size(); i++) {
      ObjectNode h = history.addObject();
      h.put("created", b.created.toString());
      h.put("created_by", "dockerlint testkit layer " + i);
    }
    return Json.bytes(root);
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Sets up an image; every method returns this builder. */
  public static final class Builder {
    private Platform platform = Platform.LINUX_AMD64;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Optional<List<String>> entrypoint = Optional.empty();
    private Optional<List<String>> healthcheck = Optional.empty();
    private Optional<List<String>> cmd = Optional.empty();
    private Optional<List<String>> shell = Optional.empty();
    private Optional<String> user = Optional.empty();
    private Optional<String> workingDir = Optional.empty();
    private Optional<String> tag = Optional.empty();
    private Instant created = Layer.MTIME;

    private Builder() {}

    /** The config's os/architecture/variant. */
    public Builder platform(Platform platform) {
      this.platform = platform;
      return this;
    }

    /** Adds a layer on top of the ones added before. */
    public Builder layer(Layer layer) {
      layers.add(layer);
      return this;
    }

    /** Adds {@code NAME=value} to {@code config.Env}. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /**
     * {@code config.Healthcheck.Test}, as {@code HEALTHCHECK CMD} stores it: {@code ["CMD",
     * argv...]} for the exec form, {@code ["CMD-SHELL", "command line"]} for the shell form.
     */
    public Builder healthcheck(String... test) {
      healthcheck = Optional.of(List.of(test));
      return this;
    }

    /** Exec-form {@code config.Entrypoint}. */
    public Builder entrypoint(String... argv) {
      entrypoint = Optional.of(List.of(argv));
      return this;
    }

    /** Exec-form {@code config.Cmd}. */
    public Builder cmd(String... argv) {
      cmd = Optional.of(List.of(argv));
      return this;
    }

    /**
     * Shell-form {@code CMD}, stored as the builder stores it: the image's {@code Shell} (default
     * {@code /bin/sh -c}) followed by the command line. Set {@link #shell} first to change it.
     */
    public Builder shellCmd(String commandLine) {
      List<String> argv = new ArrayList<>(shell.orElse(DEFAULT_SHELL));
      argv.add(commandLine);
      cmd = Optional.of(List.copyOf(argv));
      return this;
    }

    /** Shell-form {@code ENTRYPOINT}, stored like {@link #shellCmd}. */
    public Builder shellEntrypoint(String commandLine) {
      List<String> argv = new ArrayList<>(shell.orElse(DEFAULT_SHELL));
      argv.add(commandLine);
      entrypoint = Optional.of(List.copyOf(argv));
      return this;
    }

    /** {@code config.Shell}, as {@code SHELL ["..."]} sets it. */
    public Builder shell(String... argv) {
      shell = Optional.of(Arrays.asList(argv.clone()));
      return this;
    }

    /** {@code config.User}, e.g. {@code 1000:1000} or {@code nobody}. */
    public Builder user(String user) {
      this.user = Optional.of(user);
      return this;
    }

    /** {@code config.WorkingDir}. */
    public Builder workingDir(String workingDir) {
      this.workingDir = Optional.of(workingDir);
      return this;
    }

    /** Adds a label to {@code config.Labels}. */
    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    /** The {@code repository:tag} for {@code docker load}; default a unique one. */
    public Builder tag(String tag) {
      int colon = tag.lastIndexOf(':');
      if (colon <= tag.lastIndexOf('/') || colon == tag.length() - 1) {
        throw new IllegalArgumentException("tag needs repository:tag: " + tag);
      }
      this.tag = Optional.of(tag);
      return this;
    }

    /** The {@code created} time of the config and its history. */
    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    /** The image. */
    public ImageTarball build() {
      return new ImageTarball(this);
    }
  }
}
