package dev.dockerlint.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.filefacts.ElfFacts;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.filefacts.FileKind;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Image facts from a JSON file: the default source in rule tests, so a rule's fixtures say what
 * their base images hold without a Docker Engine or registry (each real source is tested against
 * the real thing). An image missing from the file is {@link Lookup.Unavailable}.
 *
 * <pre>{@code
 * {"images": [
 *   {"ref": "alpine:3.20", "platform": "linux/amd64",
 *    "availablePlatforms": ["linux/amd64", "linux/arm64"],
 *    "config": {"Env": ["PATH=/usr/bin:/bin"], "Entrypoint": ["/entrypoint.sh"], "Cmd": ["sh"],
 *               "Shell": ["/bin/sh", "-c"], "User": "app", "WorkingDir": "/", "Labels": {}},
 *    "files": [
 *      {"path": "/bin/busybox", "mode": "0755",
 *       "elf": {"architecture": "amd64", "interpreter": "/lib/ld-musl-x86_64.so.1"}},
 *      {"path": "/bin/sh", "symlink": "busybox"},
 *      {"path": "/entrypoint.sh", "mode": "0755", "content": "#!/bin/bash\necho hi\n"},
 *      {"path": "/etc", "type": "directory"}]},
 *   {"ref": "example.com/private:1", "unavailable": "unauthorized"},
 *   {"ref": "example.com/gone:1", "notFound": "manifest unknown"}]}
 * }</pre>
 *
 * An image without {@code files} has no file index (a lookup with files is then unavailable). An
 * index whose {@code availablePlatforms} lacks the platform asked for answers {@link
 * Lookup.NotFound} with them, as a registry does.
 */
public final class OfflineSource implements ImageMetadataSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Entry(ImageRef ref, JsonNode json) {}

  private final List<Entry> entries;

  private OfflineSource(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads a JSON file in the format above. */
  public static OfflineSource fromFile(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image facts " + file, e);
    }
  }

  /** Parses JSON in the format above. */
  public static OfflineSource fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed image facts JSON: " + e.getMessage(), e);
    }
    List<Entry> out = new ArrayList<>();
    for (JsonNode img : root.path("images")) {
      String text = img.path("ref").asText("");
      ImageRef ref =
          ImageRef.parse(text)
              .orElseThrow(() -> new IllegalArgumentException("bad image reference " + text));
      out.add(new Entry(ref, img));
    }
    return new OfflineSource(out);
  }

  @Override
  public Lookup lookup(ImageRef ref, Platform platform, boolean withFiles) {
    for (Entry e : entries) {
      if (!sameImage(e.ref(), ref)) {
        continue;
      }
      JsonNode j = e.json();
      if (j.has("unavailable")) {
        return new Lookup.Unavailable(j.get("unavailable").asText());
      }
      if (j.has("notFound")) {
        return new Lookup.NotFound(j.get("notFound").asText());
      }
      Platform own = platform(j.path("platform").asText("linux/amd64"));
      List<Platform> available = new ArrayList<>();
      j.path("availablePlatforms").forEach(p -> available.add(platform(p.asText())));
      if (!available.isEmpty() && PlatformMatcher.best(platform, available).isEmpty()) {
        return new Lookup.NotFound(
            ref.familiar() + " offers no variant for " + platform, available);
      }
      if (!available.isEmpty()) {
        own = available.get(PlatformMatcher.best(platform, available).get());
      }
      Optional<FileIndex> files = Optional.empty();
      if (withFiles) {
        if (!j.has("files")) {
          return new Lookup.Unavailable(ref.familiar() + ": no files in the image facts fixture");
        }
        files = Optional.of(files(j.get("files")));
      }
      Optional<String> digest =
          j.has("digest") ? Optional.of(j.get("digest").asText()) : ref.digest();
      return new Lookup.Found(
          new ImageInfo(
              ref, digest, own, available, ImageConfigs.fromJson(j.get("config")), files));
    }
    return new Lookup.Unavailable(ref.familiar() + " is not in the image facts fixture");
  }

  private static boolean sameImage(ImageRef a, ImageRef b) {
    return a.registry().equals(b.registry())
        && a.repository().equals(b.repository())
        && a.tagOrLatest().equals(b.tagOrLatest())
        && (a.digest().isEmpty() || b.digest().isEmpty() || a.digest().equals(b.digest()));
  }

  private static Platform platform(String s) {
    return Platform.parse(s).orElseThrow(() -> new IllegalArgumentException("bad platform " + s));
  }

  private static FileIndex files(JsonNode list) {
    List<FileEntry> out = new ArrayList<>();
    for (JsonNode f : list) {
      String path = ImagePaths.clean(f.path("path").asText("/"));
      int uid = f.path("uid").asInt(0);
      int gid = f.path("gid").asInt(0);
      if (f.has("symlink")) {
        String target = f.get("symlink").asText();
        out.add(
            new FileEntry(
                path,
                FileEntry.Kind.SYMLINK,
                0777,
                target.length(),
                uid,
                gid,
                Optional.of(target),
                Optional.empty()));
        continue;
      }
      String type = f.path("type").asText("file").toLowerCase(Locale.ROOT);
      int mode =
          Integer.parseInt(f.path("mode").asText(type.equals("directory") ? "0755" : "0644"), 8);
      if (type.equals("directory")) {
        out.add(
            new FileEntry(
                path,
                FileEntry.Kind.DIRECTORY,
                mode,
                0,
                uid,
                gid,
                Optional.empty(),
                Optional.empty()));
        continue;
      }
      Optional<FileFacts> facts = Optional.empty();
      long size = f.path("size").asLong(0);
      if (f.has("content")) {
        byte[] b = f.get("content").asText().getBytes(StandardCharsets.UTF_8);
        size = b.length;
        facts = Optional.of(FileFacts.of(b, b.length));
      } else if (f.has("elf")) {
        size = Math.max(size, 1024);
        facts = Optional.of(elfFacts(f.get("elf"), size));
      }
      out.add(
          new FileEntry(path, FileEntry.Kind.FILE, mode, size, uid, gid, Optional.empty(), facts));
    }
    ImageFilesystem fs = new ImageFilesystem(out);
    return fs.index();
  }

  private static FileFacts elfFacts(JsonNode elf, long size) {
    String arch = elf.path("architecture").asText("amd64");
    Optional<String> interp =
        elf.hasNonNull("interpreter")
            ? Optional.of(elf.get("interpreter").asText())
            : Optional.empty();
    boolean is64 = !arch.equals("arm") && !arch.equals("386");
    ElfFacts facts =
        new ElfFacts(
            is64 ? ElfFacts.ElfClass.ELF64 : ElfFacts.ElfClass.ELF32,
            ElfFacts.Endianness.LITTLE,
            0,
            interp.isPresent() ? ElfFacts.ElfType.DYN : ElfFacts.ElfType.EXEC,
            0,
            Optional.of(arch),
            elf.hasNonNull("variant") ? Optional.of(elf.get("variant").asText()) : Optional.empty(),
            Optional.empty(),
            0,
            interp.isPresent() ? ElfFacts.Linkage.DYNAMIC : ElfFacts.Linkage.STATIC,
            interp,
            List.of(),
            Optional.empty(),
            true,
            Optional.empty());
    return new FileFacts(
        FileKind.ELF, size, false, false, Optional.empty(), Optional.of(facts), Optional.empty());
  }

  /** Missing parents of fixture entries become directories, as in a real image. */
  private record ImageFilesystem(List<FileEntry> entries) {
    FileIndex index() {
      java.util.Map<String, FileEntry> all = new java.util.LinkedHashMap<>();
      for (FileEntry e : entries) {
        Optional<String> p = ImagePaths.parent(e.path());
        while (p.isPresent() && !p.get().equals("/") && !all.containsKey(p.get())) {
          all.put(
              p.get(),
              new FileEntry(
                  p.get(),
                  FileEntry.Kind.DIRECTORY,
                  0755,
                  0,
                  0,
                  0,
                  Optional.empty(),
                  Optional.empty()));
          p = ImagePaths.parent(p.get());
        }
        all.put(e.path(), e);
      }
      return TreeFileIndex.of(all.values());
    }
  }
}
