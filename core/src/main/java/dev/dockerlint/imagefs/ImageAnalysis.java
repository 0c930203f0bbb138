package dev.dockerlint.imagefs;

import dev.dockerlint.filefacts.ElfFacts;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.filefacts.LibcLoader;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.image.FileIndex;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.semantic.Platform;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What happens when a container of a built image starts, decided from the image's own config and
 * files (no Dockerfile): the user runc switches to, the program it starts (Entrypoint + Cmd, with
 * the config's {@code PATH}, or runc's default), the health check's command (exec form, or {@code
 * CMD-SHELL} through the config's Shell or {@code /bin/sh -c}), followed by {@link
 * ExecAnalysis#follow} with the user's exact credentials, then the shared libraries of every ELF
 * binary on the way, and, when asked, every ELF file of the image.
 */
public final class ImageAnalysis {

  /** The most shared libraries followed from one image's programs. */
  private static final int MAX_LIBRARIES = 2000;

  /** Debian-style multiarch directories the glibc loader searches (through ld.so.conf). */
  private static final List<String> MULTIARCH =
      List.of(
          "x86_64-linux-gnu",
          "aarch64-linux-gnu",
          "arm-linux-gnueabihf",
          "arm-linux-gnueabi",
          "i386-linux-gnu",
          "powerpc64le-linux-gnu",
          "s390x-linux-gnu",
          "riscv64-linux-gnu",
          "mips64el-linux-gnuabi64",
          "loongarch64-linux-gnu");

  private ImageAnalysis() {}

  /**
   * The analysis of one platform of an image.
   *
   * @param problems what fails, in the order found: the process, the health check, libraries, then
   *     (with all binaries) the other ELF files
   * @param shellProblems the problems of the process or health check when its program is the shell
   *     that runs a shell-form command ({@code /bin/sh -c "..."}), a subset of problems
   * @param userFailure runc's error when it cannot find the user or group
   * @param credentials the identity the process runs as, when the user databases could be read
   */
  public record Result(
      List<LaunchProblem> problems,
      List<LaunchProblem> shellProblems,
      Optional<UserLookup.Result.Failed> userFailure,
      Optional<Credentials> credentials) {
    public Result {
      problems = List.copyOf(problems);
      shellProblems = List.copyOf(shellProblems);
    }

    /** The problems of one kind; {@code viaShell} selects those of a shell-form command's shell. */
    public List<LaunchProblem> of(ExecProblem.Kind kind, boolean viaShell) {
      return problems.stream()
          .filter(p -> p.kind() == kind)
          .filter(p -> shellProblems.contains(p) == viaShell)
          .toList();
    }
  }

  /**
   * Analyses an image for {@code platform} (the platform its index claims, else its config's).
   *
   * @param allBinaries also check every ELF file of the image, not only those a start runs
   */
  public static Result of(
      ImageConfig config, FileIndex files, Platform platform, boolean allBinaries) {
    if (!platform.os().equals("linux") || platform.architecture().equals("wasm")) {
      return new Result(List.of(), List.of(), Optional.empty(), Optional.empty());
    }
    String userText = config.user().orElse("");
    UserLookup.Result user = UserLookup.resolve(userText, files);
    Optional<Credentials> credentials =
        user instanceof UserLookup.Result.Found f ? Optional.of(f.credentials()) : Optional.empty();
    Optional<UserLookup.Result.Failed> failed =
        user instanceof UserLookup.Result.Failed f ? Optional.of(f) : Optional.empty();

    FsView view = FsView.ofImage(files);
    Map<String, String> env = config.envMap();
    SearchPath path = SearchPath.parse(env.getOrDefault("PATH", SearchPath.DEFAULT));
    String workdir = FsPaths.clean(config.workingDir().orElse("/"));
    UserSpec spec = UserSpec.parse(userText);

    List<LaunchProblem> problems = new ArrayList<>();
    List<LaunchProblem> viaShell = new ArrayList<>();
    Map<String, FsNode> binaries = new LinkedHashMap<>();
    for (Start s : starts(config)) {
      ExecAnalysis.Followed f =
          ExecAnalysis.follow(
              new Launch(
                  s.kind(),
                  s.program(),
                  view,
                  path,
                  workdir,
                  spec,
                  credentials,
                  List.of(platform),
                  Launch.Scope.IMAGE,
                  Optional.empty()));
      problems.addAll(f.problems());
      if (s.shellForm()) {
        viaShell.addAll(f.problems());
      }
      f.binaries().forEach(b -> binaries.putIfAbsent(b.path(), b));
    }
    problems.addAll(libraries(binaries.values(), files, env));
    if (allBinaries) {
      Set<String> reported = new LinkedHashSet<>();
      problems.forEach(p -> reported.add(p.path()));
      problems.addAll(everyElfFile(files, platform, reported));
    }
    return new Result(problems, viaShell, failed, credentials);
  }

  /**
   * A program a container starts: the process, or the health check's command; {@code shellForm}
   * when it is the shell of a shell-form command.
   */
  private record Start(ExecSite.Kind kind, String program, boolean shellForm) {}

  private static List<Start> starts(ImageConfig config) {
    List<Start> out = new ArrayList<>();
    List<String> entrypoint = config.entrypoint().orElse(List.of());
    List<String> cmd = config.cmd().orElse(List.of());
    List<String> shell = config.shell().filter(s -> !s.isEmpty()).orElse(List.of("/bin/sh", "-c"));
    if (!entrypoint.isEmpty()) {
      out.add(new Start(ExecSite.Kind.ENTRYPOINT, entrypoint.get(0), shellForm(entrypoint, shell)));
    } else if (!cmd.isEmpty()) {
      out.add(new Start(ExecSite.Kind.CMD, cmd.get(0), shellForm(cmd, shell)));
    }
    List<String> test = config.healthcheck().orElse(List.of());
    if (test.size() >= 2 && test.get(0).equals("CMD")) {
      out.add(new Start(ExecSite.Kind.HEALTHCHECK, test.get(1), false));
    } else if (test.size() >= 2 && test.get(0).equals("CMD-SHELL")) {
      out.add(new Start(ExecSite.Kind.HEALTHCHECK, shell.get(0), true));
    }
    return out;
  }

  /**
   * Whether an argv is what a Dockerfile's shell form becomes: the SHELL in force (or {@code
   * /bin/sh -c}) followed by the command line. The config does not record the form; this is how it
   * shows.
   */
  private static boolean shellForm(List<String> argv, List<String> shell) {
    if (argv.size() == shell.size() + 1 && argv.subList(0, shell.size()).equals(shell)) {
      return true;
    }
    return argv.size() == 3 && argv.get(0).equals("/bin/sh") && argv.get(1).equals("-c");
  }

  // ------------------------------------------------------------------------- shared libraries

  /**
   * The shared libraries of {@code binaries}, and theirs, found where the loader looks ({@code
   * LD_LIBRARY_PATH}, the directories of {@code /etc/ld.so.conf} or musl's {@code
   * /etc/ld-musl-ARCH.path}, the default directories). The glibc loader passes over a library of
   * another architecture or class and fails when none fits, so a library is reported when copies
   * exist but none is for the binary's architecture. Missing libraries are not reported: a binary's
   * RUNPATH may point anywhere.
   */
  private static List<LaunchProblem> libraries(
      Iterable<FsNode> binaries, FileIndex files, Map<String, String> env) {
    List<LaunchProblem> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Deque<Need> todo = new ArrayDeque<>();
    for (FsNode b : binaries) {
      elf(b).ifPresent(e -> queue(todo, b.path(), b.path(), e));
    }
    while (!todo.isEmpty() && seen.size() < MAX_LIBRARIES) {
      Need n = todo.removeFirst();
      if (!seen.add(n.binaryElf().architecture().orElse("") + " " + n.library())) {
        continue;
      }
      List<FileEntry> candidates = new ArrayList<>();
      for (String dir : searchPath(n.binaryElf(), files, env)) {
        String p = n.library().contains("/") ? n.library() : FsPaths.join(dir, n.library());
        files
            .resolve(p)
            .filter(e -> e.kind() == FileEntry.Kind.FILE)
            .filter(e -> e.facts().flatMap(FileFacts::elf).isPresent())
            .filter(e -> candidates.stream().noneMatch(c -> c.path().equals(e.path())))
            .ifPresent(candidates::add);
        if (n.library().contains("/")) {
          break;
        }
      }
      Optional<FileEntry> fits =
          candidates.stream().filter(c -> sameMachine(n.binaryElf(), elfOf(c))).findFirst();
      if (fits.isPresent()) {
        queue(todo, n.program(), fits.get().path(), elfOf(fits.get()));
      } else if (!candidates.isEmpty()) {
        FileEntry wrong = candidates.get(0);
        ElfFacts we = elfOf(wrong);
        String arch = n.binaryElf().platform().orElse(n.binaryElf().machineName());
        boolean glibc =
            n.binaryElf()
                .interpreter()
                .flatMap(LibcLoader::forPath)
                .filter(l -> l.libc() == LibcLoader.Libc.GLIBC)
                .isPresent();
        out.add(
            new LaunchProblem(
                ExecProblem.Kind.FOREIGN_BINARY,
                glibc ? Optional.of(Predicts.NO_SUCH_FILE) : Optional.empty(),
                "'"
                    + n.requiredBy()
                    + "' needs the shared library "
                    + n.library()
                    + (n.requiredBy().equals(n.program()) ? "" : " (for '" + n.program() + "')")
                    + ", but the only "
                    + (candidates.size() == 1 ? "copy" : "copies")
                    + " the loader can find, '"
                    + wrong.path()
                    + "'"
                    + (candidates.size() == 1 ? "" : " and others")
                    + ", "
                    + (candidates.size() == 1 ? "is" : "are")
                    + " for "
                    + we.platform().orElse(we.machineName())
                    + " ("
                    + we.elfClass().name().toLowerCase(Locale.ROOT).replace("elf", "")
                    + "-bit), not "
                    + arch
                    + ": the container fails to start with \"error while loading shared"
                    + " libraries: "
                    + n.library()
                    + (glibc ? ": cannot open shared object file: No such file or directory" : "")
                    + "\"; install the "
                    + arch
                    + " build of the library",
                List.of(),
                true,
                Optional.empty(),
                wrong.path()));
      }
    }
    return out;
  }

  /** A library that {@code requiredBy} (itself needed by {@code program}) needs. */
  private record Need(String program, String requiredBy, ElfFacts binaryElf, String library) {}

  private static void queue(Deque<Need> todo, String program, String by, ElfFacts elf) {
    for (String lib : elf.needed()) {
      todo.addLast(new Need(program, by, elf, lib));
    }
  }

  private static Optional<ElfFacts> elf(FsNode n) {
    return n.content().facts().flatMap(FileFacts::elf);
  }

  private static ElfFacts elfOf(FileEntry e) {
    return e.facts().flatMap(FileFacts::elf).orElseThrow();
  }

  private static boolean sameMachine(ElfFacts a, ElfFacts b) {
    return a.machine() == b.machine()
        && a.elfClass() == b.elfClass()
        && a.endianness() == b.endianness();
  }

  /** Where the loader of {@code binary} looks for libraries, in order. */
  private static List<String> searchPath(
      ElfFacts binary, FileIndex files, Map<String, String> env) {
    Set<String> dirs = new LinkedHashSet<>();
    for (String d : env.getOrDefault("LD_LIBRARY_PATH", "").split("[:;]")) {
      if (d.startsWith("/")) {
        dirs.add(FsPaths.clean(d));
      }
    }
    Optional<LibcLoader> loader = binary.interpreter().flatMap(LibcLoader::forPath);
    if (loader.isPresent() && loader.get().libc() == LibcLoader.Libc.MUSL) {
      String name = FsPaths.name(loader.get().path());
      String arch = name.substring("ld-musl-".length(), name.length() - ".so.1".length());
      Optional<String> conf =
          files.resolve("/etc/ld-musl-" + arch + ".path").flatMap(FileEntry::text);
      if (conf.isPresent()) {
        for (String d : conf.get().split("[\\n:]")) {
          if (d.strip().startsWith("/")) {
            dirs.add(FsPaths.clean(d.strip()));
          }
        }
      } else {
        dirs.addAll(List.of("/lib", "/usr/local/lib", "/usr/lib"));
      }
      return List.copyOf(dirs);
    }
    ldSoConf(files, "/etc/ld.so.conf", dirs, 0);
    for (String t : MULTIARCH) {
      dirs.add("/lib/" + t);
      dirs.add("/usr/lib/" + t);
    }
    dirs.addAll(List.of("/lib64", "/usr/lib64", "/lib", "/usr/lib", "/lib32", "/usr/lib32"));
    return List.copyOf(dirs);
  }

  /** The directories of an ld.so.conf file and the files it includes. */
  private static void ldSoConf(FileIndex files, String path, Set<String> dirs, int depth) {
    Optional<String> text = files.resolve(path).flatMap(FileEntry::text);
    if (text.isEmpty() || depth > 4) {
      return;
    }
    for (String raw : text.get().split("\n")) {
      String line = raw.replaceAll("#.*", "").strip();
      if (line.startsWith("include")) {
        String pattern = line.substring("include".length()).strip();
        for (String included : includes(files, pattern)) {
          ldSoConf(files, included, dirs, depth + 1);
        }
      } else if (line.startsWith("/")) {
        dirs.add(FsPaths.clean(line.split("[\\s=]")[0]));
      }
    }
  }

  /**
   * The files an {@code include} names: one path, or a glob in its last element ({@code
   * /etc/ld.so.conf.d/*.conf}), matched against the directory's entries in glob(3)'s order.
   */
  private static List<String> includes(FileIndex files, String pattern) {
    String p = pattern.startsWith("/") ? pattern : "/etc/" + pattern;
    if (!p.contains("*")) {
      return List.of(p);
    }
    String dir = FsPaths.parent(p);
    String glob = FsPaths.name(p);
    java.util.regex.Pattern re =
        java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(glob).replace("*", "\\E[^/]*\\Q"));
    List<String> out = new ArrayList<>();
    for (FileEntry e : files.children(dir)) {
      if (re.matcher(FsPaths.name(e.path())).matches()) {
        out.add(e.path());
      }
    }
    out.sort(null);
    return out;
  }

  // ------------------------------------------------------------------------ every ELF file

  private static List<LaunchProblem> everyElfFile(
      FileIndex files, Platform platform, Set<String> reported) {
    List<LaunchProblem> out = new ArrayList<>();
    for (FileEntry e : files.entries()) {
      if (e.kind() != FileEntry.Kind.FILE || reported.contains(e.path())) {
        continue;
      }
      Optional<ElfFacts> elf = e.facts().flatMap(FileFacts::elf);
      if (elf.isEmpty()
          || elf.get().malformed().isPresent()
          || elf.get().linkage() == ElfFacts.Linkage.NOT_EXECUTABLE
          || elf.get().linkage() == ElfFacts.Linkage.UNKNOWN) {
        continue;
      }
      ElfFacts f = elf.get();
      ExecAnalysis.Compat c = ExecAnalysis.compat(f, platform);
      String what = f.linkage() == ElfFacts.Linkage.SHARED_OBJECT ? "library" : "binary";
      if (c != ExecAnalysis.Compat.YES) {
        String arch = f.platform().orElse(f.machineName());
        out.add(
            new LaunchProblem(
                ExecProblem.Kind.FOREIGN_BINARY,
                Optional.of(Predicts.EXEC_FORMAT_ERROR),
                "'"
                    + e.path()
                    + "' is an ELF "
                    + what
                    + " for "
                    + arch
                    + ", but the image is for "
                    + platform
                    + (c == ExecAnalysis.Compat.MAYBE
                        ? ": it runs only on arm64 hosts that can execute 32-bit ARM code;"
                            + " elsewhere running it fails with \"exec format error\""
                        : ": running it fails with \"exec format error\"")
                    + " (the container does not start it; found with --all-binaries); use the "
                    + platform.architecture()
                    + platform.variant().map(v -> "/" + v).orElse("")
                    + " build",
                List.of(),
                c == ExecAnalysis.Compat.NO,
                Optional.empty(),
                e.path()));
        continue;
      }
      if (f.linkage() == ElfFacts.Linkage.DYNAMIC
          && f.interpreter().isPresent()
          && files.resolve(f.interpreter().get()).isEmpty()) {
        out.add(
            new LaunchProblem(
                ExecProblem.Kind.LOADER_NOT_FOUND,
                Optional.of(Predicts.NO_SUCH_FILE),
                "'"
                    + e.path()
                    + "' is dynamically linked and needs "
                    + f.interpreter().get()
                    + ", which does not exist in the image: running it fails with \"no such file"
                    + " or directory\" (the container does not start it; found with"
                    + " --all-binaries)",
                List.of(),
                true,
                Optional.empty(),
                e.path()));
      }
    }
    return out;
  }
}
