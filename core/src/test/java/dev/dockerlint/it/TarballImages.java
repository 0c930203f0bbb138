package dev.dockerlint.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.testkit.ImageTarball;
import dev.dockerlint.testkit.Layer;
import dev.dockerlint.testkit.Layer.RegularFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Image facts read from the very {@link ImageTarball}s a test loads into the Docker Engine: the
 * config's platform, environment, entrypoint, cmd and shell, and the files of its layers (whiteouts
 * applied). It answers only for those images, {@code Unavailable} for any other, like a source that
 * knows the local images. It stands in for the real image sources, which are built separately.
 */
final class TarballImages implements ImageMetadataSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<ImageRef, ImageTarball> images = new LinkedHashMap<>();

  TarballImages(ImageTarball... known) {
    for (ImageTarball t : known) {
      images.put(ImageRef.parse(t.tag()).orElseThrow(), t);
    }
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    ImageTarball t = images.get(ref);
    if (t == null) {
      return new Lookup.Unavailable("not one of this test's images");
    }
    dev.dockerlint.testkit.Platform p = t.platform();
    Platform own = new Platform(p.os(), p.architecture(), p.variant());
    return new Lookup.Found(
        new ImageInfo(
            ref,
            Optional.of(t.id().toString()),
            own,
            List.of(),
            config(t),
            withFiles ? Optional.of(files(t)) : Optional.empty()));
  }

  private static ImageConfig config(ImageTarball t) {
    JsonNode c;
    try {
      c = JSON.readTree(t.config()).path("config");
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable image config", e);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return new ImageConfig(
        strings(c.path("Env")).orElse(List.of()),
        strings(c.path("Entrypoint")),
        strings(c.path("Cmd")),
        strings(c.path("Shell")),
        text(c.path("User")),
        text(c.path("WorkingDir")),
        labels);
  }

  private static Optional<List<String>> strings(JsonNode n) {
    if (!n.isArray()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return Optional.of(out);
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static FileIndex files(ImageTarball t) {
    Map<String, FileEntry> entries = new LinkedHashMap<>();
    for (Layer layer : t.layers()) {
      for (Layer.Entry e : layer.entries()) {
        String path = e.path();
        if (e instanceof Layer.Directory d) {
          entries.put(path, entry(path, FileEntry.Kind.DIRECTORY, d.mode(), null, null));
        } else if (e instanceof Layer.RegularFile f) {
          entries.put(path, entry(path, FileEntry.Kind.FILE, f.mode(), null, f.content()));
        } else if (e instanceof Layer.Symlink s) {
          entries.put(path, entry(path, FileEntry.Kind.SYMLINK, 0777, s.target(), null));
        } else if (e instanceof Layer.Hardlink h) {
          RegularFile f = h.target();
          entries.put(path, entry(path, FileEntry.Kind.FILE, f.mode(), null, f.content()));
        } else if (e instanceof Layer.Whiteout) {
          entries.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + "/"));
        } else if (e instanceof Layer.OpaqueDirectory) {
          entries.keySet().removeIf(k -> k.startsWith(path + "/"));
        }
      }
    }
    return new Index(entries);
  }

  private static FileEntry entry(
      String path, FileEntry.Kind kind, int mode, String link, byte[] content) {
    Optional<FileFacts> facts =
        content == null ? Optional.empty() : Optional.of(FileFacts.of(content, content.length));
    long size = content == null ? 0 : content.length;
    return new FileEntry(path, kind, mode, size, 0, 0, Optional.ofNullable(link), facts);
  }

  /** Paths of one image; symlinks followed component by component, at most 40 of them. */
  private record Index(Map<String, FileEntry> byPath) implements FileIndex {
    @Override
    public Optional<FileEntry> get(String path) {
      return Optional.ofNullable(byPath.get(path));
    }

    @Override
    public Optional<FileEntry> resolve(String path) {
      List<String> todo = new ArrayList<>(List.of(path.split("/")));
      String at = "";
      for (int hops = 0; !todo.isEmpty(); ) {
        String part = todo.remove(0);
        if (part.isEmpty() || part.equals(".")) {
          continue;
        }
        if (part.equals("..")) {
          at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "";
          continue;
        }
        String next = at + "/" + part;
        FileEntry e = byPath.get(next);
        if (e == null) {
          String dir = next + "/";
          if (todo.isEmpty() || byPath.keySet().stream().noneMatch(k -> k.startsWith(dir))) {
            return Optional.empty();
          }
          at = next;
          continue;
        }
        if (e.kind() == FileEntry.Kind.SYMLINK) {
          if (++hops > 40) {
            return Optional.empty();
          }
          String target = e.linkTarget().orElse("");
          todo.addAll(0, List.of(target.split("/")));
          if (target.startsWith("/")) {
            at = "";
          }
          continue;
        }
        at = next;
      }
      return at.isEmpty() ? Optional.empty() : get(at);
    }

    @Override
    public Collection<FileEntry> entries() {
      return byPath.values();
    }
  }
}
