package dev.dockerlint.imagefs;

import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A stage's filesystem at one point of the build, as far as it is known. {@link #get} answers for
 * exactly one path; {@link #resolve} follows symlinks in every component the way the kernel does
 * when it runs a program (relative and absolute targets, at most {@link #MAX_SYMLINKS} hops, never
 * above the root).
 */
public interface FsView {

  /** Linux's limit on symlinks followed in one path walk. */
  int MAX_SYMLINKS = 40;

  /** The entry at exactly {@code path} (absolute, clean); a symlink is returned as the link. */
  FsState get(String path);

  /** The entry {@code path} leads to after following symlinks in every component. */
  default FsState resolve(String path) {
    Deque<String> todo = new ArrayDeque<>(elements(path));
    String current = "/";
    int hops = 0;
    boolean uncertain = false;
    List<Instruction> maybe = new ArrayList<>();
    FsState last = new Present(FsNode.directory("/", Origin.of(Optional.empty(), "the root")));
    while (!todo.isEmpty()) {
      String element = todo.removeFirst();
      if (element.equals("..")) {
        current = FsPaths.parent(current);
        last = get(current);
        continue;
      }
      String candidate = FsPaths.join(current, element);
      FsState state = get(candidate);
      if (state instanceof Unknown && !todo.isEmpty()) {
        // Something below may still be known (a COPY placed it): walk on, but only a present
        // result counts.
        uncertain = true;
        current = candidate;
        last = state;
        continue;
      }
      if (state instanceof Unknown) {
        return state;
      }
      if (state instanceof Absent a) {
        return uncertain ? new Unknown(a.why()) : a.alsoMayCreate(maybe);
      }
      Present p = (Present) state;
      if (p.node().isSymlink()) {
        // A link a RUN may change may lead elsewhere; a directory a RUN may change does not
        // change what was placed below it later (that placement carries its own state).
        maybe.addAll(p.mayChange());
        if (++hops > MAX_SYMLINKS) {
          return new Unknown("too many levels of symbolic links at " + candidate);
        }
        String target = p.node().linkTarget().orElse("");
        if (target.startsWith("/")) {
          current = "/";
        }
        List<String> parts = elements(target);
        for (int i = parts.size() - 1; i >= 0; i--) {
          todo.addFirst(parts.get(i));
        }
        continue;
      }
      if (!p.node().isDirectory() && !todo.isEmpty()) {
        if (p.node().origin().condition().isPresent()) {
          uncertain = true;
          current = candidate;
          continue;
        }
        return uncertain
            ? new Unknown(candidate + " may be a file")
            : new Absent(candidate + " is a file, not a directory", maybe, true);
      }
      current = candidate;
      last = p;
    }
    if (last instanceof Present p) {
      return p.alsoMayChange(maybe);
    }
    return uncertain && !(last instanceof Unknown) ? new Unknown("not known") : last;
  }

  private static List<String> elements(String path) {
    List<String> out = new ArrayList<>();
    for (String e : Arrays.asList(path.split("/"))) {
      if (!e.isEmpty() && !e.equals(".")) {
        out.add(e);
      }
    }
    return out;
  }

  /** {@code FROM scratch}: nothing but the root. */
  static FsView empty(String why) {
    return path ->
        path.equals("/")
            ? new Present(FsNode.directory("/", Origin.of(Optional.empty(), "the root")))
            : new Absent(why);
  }

  /** A filesystem nothing is known about (an image whose files could not be read). */
  static FsView unknown(String why) {
    return path ->
        path.equals("/")
            ? new Present(FsNode.directory("/", Origin.of(Optional.empty(), "the root")))
            : new Unknown(why);
  }

  /** The files of an image, as an {@code ImageMetadataSource} lists them. */
  static FsView of(FileIndex index, String imageName) {
    return path -> {
      if (path.equals("/")) {
        return new Present(FsNode.directory("/", Origin.of(Optional.empty(), "the root")));
      }
      Optional<FileEntry> e = index.get(path);
      if (e.isEmpty()) {
        return new Absent(path + " is not in " + imageName);
      }
      FileEntry f = e.get();
      FsNode.Kind kind =
          switch (f.kind()) {
            case DIRECTORY -> FsNode.Kind.DIRECTORY;
            case SYMLINK -> FsNode.Kind.SYMLINK;
            default -> FsNode.Kind.FILE;
          };
      return new Present(
          new FsNode(
              path,
              kind,
              OptionalInt.of(f.mode() & 07777),
              Optional.of(f.uid() + ":" + f.gid()),
              f.linkTarget(),
              Content.of(f),
              Origin.of(Optional.empty(), "from the base image " + imageName)));
    };
  }
}
