package dev.dockerlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds Dockerfiles among the paths a user names and reads them, turning every way an input can be
 * unusable into a one-line error: missing, unreadable, a directory without Dockerfiles, binary, not
 * UTF-8, too large.
 */
final class Inputs {
  /** Larger files are refused: BuildKit itself limits lines to 64 KiB; real files are < 100 KB. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private Inputs() {}

  /** An input: a file to read, stdin, or an error found while looking for files. */
  record Input(String display, Path path, boolean stdin, String error) {
    static Input file(Path p) {
      return new Input(p.toString(), p, false, null);
    }

    static Input stdin(String name) {
      return new Input(name, null, true, null);
    }

    static Input failed(String display, String error) {
      return new Input(display, null, false, error);
    }
  }

  /** A read file: its text or the reason it cannot be linted. */
  record Read(String text, String error) {}

  static boolean isDockerfileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("dockerfile")
        || n.equals("containerfile")
        || n.endsWith(".dockerfile")
        || n.endsWith(".containerfile")
        || (n.startsWith("dockerfile.") && !n.endsWith(".dockerignore"))
        || n.startsWith("containerfile.");
  }

  static List<Input> expand(List<String> args, String stdinName) {
    return expand(args, stdinName, List.of(), List.of());
  }

  /**
   * The inputs the arguments name: {@code -} is standard input, a file is itself (even if an
   * exclude pattern matches it), a folder is searched for Dockerfiles, skipping {@code .git},
   * {@code node_modules}, what {@code .gitignore} files (in the folder, below it and above it up to
   * the repository root) exclude, what {@code excludes} exclude and what {@code patterns} exclude
   * relative to the folder.
   */
  static List<Input> expand(
      List<String> args, String stdinName, List<IgnoreRules> excludes, List<String> patterns) {
    List<Input> out = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-")) {
        out.add(Input.stdin(stdinName));
        continue;
      }
      Path p = Path.of(a);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) {
        out.add(Input.failed(a, "cannot read '" + a + "': no such file or directory"));
      } else if (Files.isDirectory(p)) {
        List<IgnoreRules> rules = new ArrayList<>(excludes);
        if (!patterns.isEmpty()) {
          rules.add(IgnoreRules.of(p, patterns));
        }
        List<Input> found = walk(p, rules);
        if (found.isEmpty()) {
          out.add(
              Input.failed(
                  a,
                  "no Dockerfile in '"
                      + a
                      + "' (looked for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*;"
                      + " .gitignore and excludes respected)"));
        }
        out.addAll(found);
      } else {
        out.add(Input.file(p));
      }
    }
    return out;
  }

  private static List<Input> walk(Path dir, List<IgnoreRules> excludes) {
    List<Input> out = new ArrayList<>();
    Deque<IgnoreRules> gitignores = new ArrayDeque<>(ancestorGitignores(dir, out));
    Deque<Boolean> pushed = new ArrayDeque<>();
    try {
      Files.walkFileTree(
          dir,
          EnumSet.noneOf(FileVisitOption.class),
          64,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String n = d.getFileName() == null ? "" : d.getFileName().toString();
              if (!d.equals(dir)
                  && (n.equals(".git") || n.equals("node_modules") || excluded(d, true))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Path gi = d.resolve(".gitignore");
              boolean push = false;
              if (Files.isRegularFile(gi)) {
                try {
                  gitignores.addLast(IgnoreRules.read(gi));
                  push = true;
                } catch (IOException e) {
                  out.add(Input.failed(gi.toString(), "cannot read '" + gi + "': " + reason(e)));
                }
              }
              pushed.push(push);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              if (pushed.pop()) {
                gitignores.removeLast();
              }
              if (e != null) {
                out.add(Input.failed(d.toString(), "cannot read '" + d + "': " + reason(e)));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()
                  && isDockerfileName(f.getFileName().toString())
                  && !excluded(f, false)) {
                out.add(Input.file(f));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              out.add(Input.failed(f.toString(), "cannot read '" + f + "': " + reason(e)));
              return FileVisitResult.CONTINUE;
            }

            private boolean excluded(Path p, boolean isDir) {
              Boolean decision = null;
              for (IgnoreRules r : gitignores) {
                Boolean d = r.decide(p, isDir);
                decision = d == null ? decision : d;
              }
              for (IgnoreRules r : excludes) {
                Boolean d = r.decide(p, isDir);
                decision = d == null ? decision : d;
              }
              return Boolean.TRUE.equals(decision);
            }
          });
    } catch (IOException e) {
      out.add(Input.failed(dir.toString(), "cannot read '" + dir + "': " + reason(e)));
    }
    out.sort((x, y) -> x.display().compareTo(y.display()));
    return out;
  }

  /** The {@code .gitignore} files above {@code dir} up to the repository root, outermost first. */
  private static List<IgnoreRules> ancestorGitignores(Path dir, List<Input> failures) {
    List<Path> ancestors = new ArrayList<>();
    Path abs = dir.toAbsolutePath().normalize();
    boolean inRepo = false;
    for (Path d = abs; d != null; d = d.getParent()) {
      if (!d.equals(abs)) {
        ancestors.add(d);
      }
      if (Files.exists(d.resolve(".git"))) {
        inRepo = true;
        break;
      }
    }
    List<IgnoreRules> out = new ArrayList<>();
    if (!inRepo) {
      return out;
    }
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      Path gi = ancestors.get(i).resolve(".gitignore");
      if (Files.isRegularFile(gi)) {
        try {
          out.add(IgnoreRules.read(gi));
        } catch (IOException e) {
          failures.add(Input.failed(gi.toString(), "cannot read '" + gi + "': " + reason(e)));
        }
      }
    }
    return out;
  }

  static Read read(Input in, InputStream stdin) {
    byte[] bytes;
    try {
      if (in.stdin()) {
        bytes = stdin.readNBytes((int) MAX_BYTES + 1);
      } else {
        long size = Files.size(in.path());
        if (size > MAX_BYTES) {
          return new Read(null, tooLarge(in.display(), size));
        }
        try (InputStream s = Files.newInputStream(in.path())) {
          bytes = s.readNBytes((int) MAX_BYTES + 1);
        }
      }
    } catch (IOException e) {
      return new Read(null, "cannot read '" + in.display() + "': " + reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      return new Read(null, tooLarge(in.display(), bytes.length));
    }
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return new Read(null, "'" + in.display() + "' is not a Dockerfile: it is a binary file");
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Read(text, null);
    } catch (CharacterCodingException e) {
      return new Read(null, "'" + in.display() + "' is not a Dockerfile: it is not UTF-8 text");
    }
  }

  private static String tooLarge(String display, long size) {
    return String.format(
        Locale.ROOT,
        "'%s' is not a Dockerfile: it is too large (%.1f MB; the limit is %d MB)",
        display,
        size / 1e6,
        MAX_BYTES / (1024 * 1024));
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    if (m != null && m.toLowerCase(Locale.ROOT).contains("is a directory")) {
      return "is a directory";
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
