package dev.dockerlint.imagefs;

import dev.dockerlint.filefacts.ElfFacts;
import dev.dockerlint.filefacts.EnvInvocation;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.filefacts.LibcLoader;
import dev.dockerlint.filefacts.Shebang;
import dev.dockerlint.imagefs.ExecProblem.Kind;
import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.HealthcheckInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.ShellInstruction;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows every program a Dockerfile starts (see {@link ExecSite}) through the stage's filesystem
 * the way runc and the kernel do: PATH lookup, existence, execute permission for the user, then
 * what the file is: an ELF binary for the right architecture with its loader present, or a script
 * whose {@code #!} line the kernel accepts and whose interpreter (up to four levels, and {@code
 * env}'s program) exists and runs. Each failure becomes an {@link ExecProblem}; anything unknown
 * ends the walk silently.
 *
 * <p>Shell-form instructions start the SHELL; that the default {@code /bin/sh} exists is checked
 * elsewhere, so only SHELL instructions are sites here.
 */
public final class ExecAnalysis {

  /** Interpreters that may run a script through another: Linux allows four levels. */
  private static final int MAX_INTERPRETER_DEPTH = 4;

  private ExecAnalysis() {}

  /** Every problem found in the file, in instruction order. */
  public static List<ExecProblem> of(LintInput input) {
    return ImageFs.of(input).derived("exec-analysis", () -> analyse(input));
  }

  private static List<ExecProblem> analyse(LintInput input) {
    List<ExecProblem> out = new ArrayList<>();
    for (Stage s : input.model().stages()) {
      out.addAll(ofStage(input, s));
    }
    return out;
  }

  /** The problems found in stage {@code s}, in instruction order. */
  public static List<ExecProblem> ofStage(LintInput input, Stage s) {
    SemanticModel model = input.model();
    StageFs sfs = ImageFs.of(input).stage(s);
    boolean built = model.stagesNeededForFinal().contains(s);
    boolean isLast = model.finalStage().filter(f -> f == s).isPresent();
    return sfs.problems(built, isLast, () -> problems(sites(model, s, sfs, built, isLast)));
  }

  /** The problems of {@code sites}, one of each kind and message per instruction. */
  private static List<ExecProblem> problems(List<ExecSite> sites) {
    List<ExecProblem> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ExecSite site : sites) {
      for (LaunchProblem lp : follow(site.launch()).problems()) {
        ExecProblem p =
            new ExecProblem(
                lp.kind(),
                site,
                lp.predicts(),
                lp.message(),
                lp.maybeFixedBy(),
                lp.certain(),
                lp.node());
        String key =
            System.identityHashCode(site.instruction()) + "|" + p.kind() + "|" + p.message();
        if (seen.add(key)) {
          out.add(p);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * What a launch meets: the problems, and the ELF files it runs on the way (the program, {@code
   * #!} interpreters, {@code env}'s program), whose libraries a caller may check.
   */
  public record Followed(List<LaunchProblem> problems, List<FsNode> binaries) {
    public Followed {
      problems = List.copyOf(problems);
      binaries = List.copyOf(binaries);
    }
  }

  /** Follows one program like runc and the kernel do. */
  public static Followed follow(Launch launch) {
    Walk w = new Walk(launch);
    return new Followed(w.run(), w.binaries);
  }

  /** Where stage {@code s} starts programs. */
  static List<ExecSite> sites(
      SemanticModel model, Stage s, StageFs sfs, boolean built, boolean isLast) {
    List<ExecSite> sites = new ArrayList<>();
    if (s.platform().filter(ExecAnalysis::isWasm).isPresent()) {
      return sites;
    }
    List<Platform> runtime = s.platform().map(List::of).orElse(List.of());
    List<Platform> build = new ArrayList<>(runtime);
    if (!runtime.isEmpty()) {
      build.add(model.options().buildPlatform());
    }
    List<Instruction> instructions = s.instructions();
    for (int k = 0; k < instructions.size(); k++) {
      Instruction i = instructions.get(k);
      if (i instanceof RunInstruction r && first(r.command()).isPresent()) {
        sites.add(
            new ExecSite(
                ExecSite.Kind.RUN,
                s,
                i,
                first(r.command()).get(),
                sfs.during(i),
                sfs.pathBefore(i),
                s.workdirFor(i),
                sfs.userFor(i),
                build,
                Optional.empty(),
                built));
      } else if (i instanceof ShellInstruction sh && first(sh.command()).isPresent()) {
        shellSite(
                s, sfs, sh, instructions.subList(k + 1, instructions.size()), build, runtime, built)
            .ifPresent(sites::add);
      } else if (i instanceof HealthcheckInstruction h && first(h.command()).isPresent()) {
        sites.add(
            runtimeSite(ExecSite.Kind.HEALTHCHECK, s, sfs, i, first(h.command()).get(), runtime));
      }
    }
    processSite(s, sfs, isLast, runtime).ifPresent(sites::add);
    return sites;
  }

  /** A WebAssembly platform ({@code wasi/wasm}), where programs are not Linux executables. */
  private static boolean isWasm(Platform p) {
    return p.os().equals("wasi") || p.os().equals("wasip1") || p.architecture().equals("wasm");
  }

  private static Optional<Word> first(Optional<Command> c) {
    if (c.isPresent() && c.get() instanceof Command.ExecForm e && !e.arguments().isEmpty()) {
      return Optional.of(e.arguments().get(0));
    }
    return Optional.empty();
  }

  private static ExecSite runtimeSite(
      ExecSite.Kind kind, Stage s, StageFs sfs, Instruction i, Word w, List<Platform> runtime) {
    return new ExecSite(
        kind,
        s,
        i,
        w,
        sfs.atEnd(),
        sfs.finalPath(),
        s.finalWorkdir(),
        sfs.finalUser(),
        runtime,
        Optional.empty(),
        true);
  }

  /** A SHELL is checked where it first runs: the next shell-form RUN, else the shell-form CMD. */
  private static Optional<ExecSite> shellSite(
      Stage s,
      StageFs sfs,
      ShellInstruction sh,
      List<Instruction> after,
      List<Platform> build,
      List<Platform> runtime,
      boolean built) {
    Word program = first(sh.command()).get();
    List<String> shell = s.shellFor(after.isEmpty() ? sh : after.get(0));
    for (Instruction i : after) {
      if (i instanceof ShellInstruction) {
        break;
      }
      if (i instanceof RunInstruction r && r.command().orElse(null) instanceof Command.ShellForm) {
        return Optional.of(
            new ExecSite(
                ExecSite.Kind.SHELL,
                s,
                sh,
                program,
                sfs.during(i),
                sfs.pathBefore(i),
                s.workdirFor(i),
                sfs.userFor(i),
                build,
                Optional.of(i),
                built));
      }
    }
    Optional<dev.dockerlint.semantic.Process> p = s.process();
    if (p.isPresent() && p.get().shellForm() && s.finalShell().equals(shell)) {
      Instruction user = p.get().entrypoint().orElseGet(() -> p.get().cmd().orElseThrow());
      ExecSite r = runtimeSite(ExecSite.Kind.SHELL, s, sfs, sh, program, runtime);
      return Optional.of(
          new ExecSite(
              r.kind(),
              s,
              sh,
              program,
              r.view(),
              r.path(),
              r.workdir(),
              r.user(),
              runtime,
              Optional.of(user),
              true));
    }
    return Optional.empty();
  }

  /**
   * The program a container of the stage starts, when it is written in exec form in this stage (or
   * inherited and this is the final stage) and known not to be an argument of an entrypoint the
   * base image sets.
   */
  private static Optional<ExecSite> processSite(
      Stage s, StageFs sfs, boolean isFinal, List<Platform> runtime) {
    Optional<dev.dockerlint.semantic.Process> p = s.process();
    if (p.isEmpty() || p.get().shellForm()) {
      return Optional.empty();
    }
    Optional<Instruction> ep = p.get().entrypoint();
    Optional<Word> epWord = ep.flatMap(i -> first(SemanticModel.commandOf(i)));
    Instruction holder;
    Word word;
    ExecSite.Kind kind;
    if (epWord.isPresent()) {
      holder = ep.get();
      word = epWord.get();
      kind = ExecSite.Kind.ENTRYPOINT;
    } else {
      Optional<Instruction> cmd = p.get().cmd();
      Optional<Word> cmdWord = cmd.flatMap(i -> first(SemanticModel.commandOf(i)));
      if (cmdWord.isEmpty()) {
        return Optional.empty();
      }
      boolean clearedHere = ep.isPresent();
      boolean noBaseEntrypoint = sfs.baseEntrypoint().filter(List::isEmpty).isPresent();
      if (!clearedHere && !noBaseEntrypoint) {
        return Optional.empty();
      }
      holder = cmd.get();
      word = cmdWord.get();
      kind = ExecSite.Kind.CMD;
    }
    boolean own = s.instructions().stream().anyMatch(i -> i == holder);
    if (!own && !isFinal) {
      return Optional.empty();
    }
    return Optional.of(runtimeSite(kind, s, sfs, holder, word, runtime));
  }

  // ------------------------------------------------------------------------------ the walk

  /** Follows one program; collects what fails. */
  private static final class Walk {
    private final Launch site;
    private final List<LaunchProblem> out = new ArrayList<>();
    private final List<FsNode> binaries = new ArrayList<>();
    private String assumption = "";

    Walk(Launch site) {
      this.site = site;
    }

    List<LaunchProblem> run() {
      String name = site.program();
      if (name.isEmpty() || name.endsWith(".wasm")) {
        // A WebAssembly module names the image's entry for a Wasm runtime (platform wasi/wasm),
        // which does not start it the way runc starts a Linux program.
        return out;
      }
      if (name.contains("/")) {
        String path = FsPaths.absolute(site.workdir(), name);
        FsState st = site.view().resolve(path);
        if (st instanceof Absent a) {
          missingProgram(path, a);
        } else if (st instanceof Present p) {
          file(p, path, 0, "", true);
        }
        return out;
      }
      PathLookup found = lookup(name);
      if (found.state() instanceof FsState.Unknown && !site.path().known()) {
        assumedLookup(name);
      } else if (found.state() instanceof Present p) {
        file(p, found.path(), 0, "", false);
      } else if (found.state() instanceof Absent a) {
        report(
            Kind.PROGRAM_NOT_FOUND,
            Optional.of(Predicts.NOT_FOUND_IN_PATH),
            "'"
                + name
                + "' is in no directory of PATH ("
                + site.path()
                + ")"
                + a.why()
                + ": "
                + failsWith(Predicts.NOT_FOUND_IN_PATH)
                + "; install it, copy it into one of these directories, or use its absolute path",
            a.mayCreate(),
            true,
            Optional.empty(),
            name);
      }
      return out;
    }

    /**
     * When the PATH is not known (the base image sets it), a file the Dockerfile itself put into
     * one of the usual PATH directories is most likely what runs: it is checked, and what is found
     * is a warning that names the assumption.
     */
    private void assumedLookup(String name) {
      for (String dir : SearchPath.DEFAULT.split(":")) {
        String path = dir + "/" + name;
        if (site.view().resolve(path) instanceof Present p
            && p.node().origin().instruction().isPresent()
            && !p.node().isDirectory()) {
          assumption =
              " (assuming the base image's PATH finds it in "
                  + dir
                  + ", as it does in most images)";
          boolean exec = p.node().mode().isEmpty() || (p.node().mode().getAsInt() & 0111) != 0;
          if (exec) {
            file(p, path, 0, "", false);
          } else {
            report(
                Kind.NOT_EXECUTABLE,
                Optional.of(Predicts.NOT_FOUND_IN_PATH),
                "'"
                    + path
                    + "' is not executable (mode "
                    + mode(p.node().mode().getAsInt())
                    + originInside(p.node())
                    + "), so the PATH lookup of '"
                    + name
                    + "' passes it over: "
                    + failsWith(Predicts.NOT_FOUND_IN_PATH)
                    + "; "
                    + execRemedy(p.node(), path),
                p.mayChange(),
                true,
                Optional.of(p.node()));
            file(p, path, 0, "", false);
          }
          return;
        }
      }
    }

    private String failsWith(Predicts p) {
      String what =
          switch (site.kind()) {
            case RUN -> "the RUN fails";
            case SHELL -> "the first instruction that uses this shell fails";
            case HEALTHCHECK -> "the health check fails";
            default -> "the container fails to start";
          };
      return what + " with \"" + p.text() + "\"";
    }

    private void missingProgram(String path, Absent a) {
      String why = a.why().isEmpty() ? "" : " (" + a.why() + ")";
      if (a.notADirectory()) {
        report(
            Kind.PROGRAM_NOT_FOUND,
            Optional.empty(),
            "'" + path + "' cannot exist" + why + ": the program cannot be started",
            a.mayCreate(),
            true,
            Optional.empty(),
            path);
        return;
      }
      report(
          Kind.PROGRAM_NOT_FOUND,
          Optional.of(Predicts.NO_SUCH_FILE),
          "'"
              + path
              + "' does not exist in "
              + site.scope().where()
              + why
              + ": "
              + failsWith(Predicts.NO_SUCH_FILE)
              + "; copy or install it there, or correct the path",
          a.mayCreate(),
          true,
          Optional.empty(),
          path);
    }

    private PathLookup lookup(String name) {
      return PathLookup.find(site.view(), name, site.path(), site.workdir());
    }

    /** Checks a file that is about to be executed. */
    private void file(Present p, String path, int depth, String via, boolean checkMode) {
      FsNode node = p.node();
      List<Instruction> maybe = p.mayChange();
      if (node.isDirectory()) {
        return;
      }
      permissions(node, path, maybe, via, checkMode);
      Optional<FileFacts> facts = node.content().facts();
      if (facts.isEmpty()) {
        return;
      }
      FileFacts f = facts.get();
      switch (f.kind()) {
        case EMPTY -> noShebang(node, path, maybe, via, "is an empty file");
        case TEXT -> {
          if (f.shebang().filter(Shebang::precededByBom).isPresent()) {
            List<Instruction> m = maybe;
            if (node.content().bomMaybeRemovedBy().isPresent()) {
              m = merge(maybe, List.of(node.content().bomMaybeRemovedBy().get()));
            }
            bom(node, path, m, via);
          } else {
            noShebang(node, path, maybe, via, "is a text file without a '#!' line");
          }
        }
        case SCRIPT -> script(node, path, f.shebang().orElseThrow(), maybe, depth, via);
        case BINARY -> {
          String format =
              switch (f.binaryFormat().orElse(dev.dockerlint.filefacts.BinaryFormat.UNKNOWN)) {
                case PE -> "a Windows executable (PE)";
                case MACH_O -> "a macOS executable (Mach-O)";
                case WASM -> "a WebAssembly module";
                default -> "binary data, not an ELF executable";
              };
          report(
              Kind.FOREIGN_BINARY,
              Optional.of(Predicts.EXEC_FORMAT_ERROR),
              via
                  + "'"
                  + path
                  + "' is "
                  + format
                  + origin(node)
                  + ": Linux cannot execute it and "
                  + failsWith(Predicts.EXEC_FORMAT_ERROR)
                  + "; use a Linux build of the program",
              maybe,
              true,
              Optional.of(node));
        }
        case ELF -> elf(node, path, f.elf().orElseThrow(), maybe, via);
        default -> {}
      }
    }

    private static String origin(FsNode node) {
      String d = node.origin().description();
      return d.isEmpty() ? "" : " (" + d + ")";
    }

    /** The origin as a clause inside parentheses that are already open. */
    private static String originInside(FsNode node) {
      String d = node.origin().description();
      return d.isEmpty() ? "" : ", " + d;
    }

    /** How to make a file executable, given where it comes from. */
    private static String execRemedy(FsNode node, String path) {
      List<String> ways = new ArrayList<>();
      Optional<Instruction> by = node.origin().instruction();
      if (by.isPresent()
          && (by.get() instanceof dev.dockerlint.syntax.CopyInstruction
              || by.get() instanceof dev.dockerlint.syntax.AddInstruction)) {
        ways.add(
            "add --chmod=755 to the "
                + by.get().keyword().text().toUpperCase(Locale.ROOT)
                + " at line "
                + (by.get().range().start().line() + 1));
      }
      ways.add("run 'chmod +x " + path + "' after it is placed");
      node.origin()
          .contextFile()
          .ifPresent(
              f -> ways.add("commit it as executable (git update-index --chmod=+x " + f + ")"));
      if (ways.size() == 1) {
        return ways.get(0);
      }
      return String.join(", ", ways.subList(0, ways.size() - 1))
          + " or "
          + ways.get(ways.size() - 1);
    }

    private static String mode(int m) {
      return String.format(Locale.ROOT, "%04o", m);
    }

    private void permissions(
        FsNode node, String path, List<Instruction> maybe, String via, boolean checkMode) {
      if (node.mode().isEmpty()) {
        return;
      }
      int m = node.mode().getAsInt();
      if ((m & 0111) == 0) {
        if (!checkMode) {
          return;
        }
        report(
            Kind.NOT_EXECUTABLE,
            Optional.of(Predicts.PERMISSION_DENIED),
            via
                + "'"
                + path
                + "' is not executable (mode "
                + mode(m)
                + originInside(node)
                + "): "
                + failsWith(Predicts.PERMISSION_DENIED)
                + "; "
                + execRemedy(node, path),
            maybe,
            true,
            Optional.of(node));
        return;
      }
      if (site.credentials().isPresent()) {
        exactPermissions(site.credentials().get(), node, path, maybe, via);
        return;
      }
      UserSpec user = site.user();
      if (!user.isNonRoot() || node.owner().isEmpty() || (m & 0001) != 0) {
        return;
      }
      UserSpec owner = UserSpec.parse(node.owner().get());
      boolean ownerIsUser = sameId(owner.user(), user.user());
      boolean ownerDiffers = differentId(owner.user(), user.user());
      if (ownerIsUser || !ownerDiffers) {
        return;
      }
      boolean groupDiffers =
          owner.group().isPresent()
              && user.group().isPresent()
              && differentId(owner.group(), user.group());
      if ((m & 0010) != 0 && !groupDiffers) {
        return;
      }
      report(
          Kind.NOT_EXECUTABLE,
          Optional.of(Predicts.PERMISSION_DENIED),
          via
              + "'"
              + path
              + "' is executable only for its owner "
              + owner
              + ((m & 0010) != 0 ? " and group" : "")
              + " (mode "
              + mode(m)
              + originInside(node)
              + "), but it runs as "
              + user
              + ": "
              + failsWith(Predicts.PERMISSION_DENIED)
              + "; use --chmod=755 or --chown="
              + user,
          maybe,
          true,
          Optional.of(node));
    }

    private static boolean isRootId(String id) {
      return id.equals("0") || id.equals("root");
    }

    private static boolean sameId(Optional<String> a, Optional<String> b) {
      String x = a.orElse("0");
      String y = b.orElse("0");
      return x.equals(y) || (isRootId(x) && isRootId(y));
    }

    /** Whether two ids surely name different users (both numbers, both names, or one is root). */
    private static boolean differentId(Optional<String> a, Optional<String> b) {
      String x = a.orElse("0");
      String y = b.orElse("0");
      if (sameId(a, b)) {
        return false;
      }
      boolean nx = x.matches("[0-9]+");
      boolean ny = y.matches("[0-9]+");
      return nx == ny || isRootId(x) || isRootId(y);
    }

    private void noShebang(
        FsNode node, String path, List<Instruction> maybe, String via, String what) {
      String file = node.origin().contextFile().map(f -> " to " + f).orElse("");
      report(
          Kind.NO_SHEBANG,
          Optional.of(Predicts.EXEC_FORMAT_ERROR),
          via
              + "'"
              + path
              + "' "
              + what
              + origin(node)
              + ": the kernel cannot execute it and "
              + failsWith(Predicts.EXEC_FORMAT_ERROR)
              + "; add '#!/bin/sh' (or the interpreter it needs) as the first line"
              + file
              + ", or run it through a shell: [\"/bin/sh\", \""
              + path
              + "\"]",
          maybe,
          true,
          Optional.of(node));
    }

    private void bom(FsNode node, String path, List<Instruction> maybe, String via) {
      report(
          Kind.BOM_BEFORE_SHEBANG,
          Optional.of(Predicts.EXEC_FORMAT_ERROR),
          via
              + "'"
              + path
              + "' starts with a UTF-8 byte order mark before '#!'"
              + origin(node)
              + ", so the kernel does not see the '#!' line and "
              + failsWith(Predicts.EXEC_FORMAT_ERROR)
              + "; save it as UTF-8 without a BOM",
          maybe,
          true,
          Optional.of(node));
    }

    private void script(
        FsNode node, String path, Shebang sb, List<Instruction> maybe, int depth, String via) {
      if (sb.kernelRejection().isPresent()) {
        noShebang(
            node,
            path,
            maybe,
            via,
            "has a '#!' line the kernel rejects (" + sb.kernelRejection().get() + ")");
        return;
      }
      boolean crlf = sb.crlf() && node.content().lineEndingsFixedBy().isEmpty();
      String interpreter = sb.interpreter();
      Optional<String> argument = sb.argument();
      if (crlf) {
        boolean inInterpreter = interpreter.endsWith("\r");
        boolean inArgument = argument.filter(a -> a.endsWith("\r")).isPresent();
        if (inInterpreter || inArgument) {
          crlf(node, path, sb, maybe, via, inInterpreter);
          return;
        }
      }
      interpreter = stripCr(interpreter);
      argument = argument.map(ExecAnalysis::stripCr);
      String line = "#!" + interpreter + argument.map(a -> " " + a).orElse("");
      String interpreterPath = FsPaths.absolute(site.workdir(), interpreter);
      String nextVia = via + "'" + path + "' starts with '" + line + "', and ";
      FsState st = site.view().resolve(interpreterPath);
      if (st instanceof Absent a) {
        List<Instruction> m = merge(maybe, a.mayCreate());
        String why = a.why().isEmpty() ? "" : " (" + a.why() + ")";
        report(
            Kind.INTERPRETER_NOT_FOUND,
            a.notADirectory() ? Optional.empty() : Optional.of(Predicts.NO_SUCH_FILE),
            nextVia
                + interpreterPath
                + " does not exist in "
                + site.scope().where()
                + why
                + ": "
                + failsWith(Predicts.NO_SUCH_FILE)
                + "; install "
                + FsPaths.name(interpreterPath)
                + " there or change the '#!' line"
                + origin(node),
            m,
            true,
            Optional.of(node));
        return;
      }
      if (!(st instanceof Present ip) || depth + 1 > MAX_INTERPRETER_DEPTH) {
        return;
      }
      int before = out.size();
      file(ip.alsoMayChange(maybe), interpreterPath, depth + 1, nextVia, true);
      if (out.size() == before && sb.env().isPresent()) {
        env(node, path, sb.env().get(), maybe, depth, nextVia);
      }
      if (out.size() == before) {
        readable(node, path, interpreter, maybe, via);
      }
    }

    /**
     * With exact credentials: the interpreter opens the script to read it, which the kernel's exec
     * did not need, so a script the user may execute but not read starts and then fails.
     */
    private void readable(
        FsNode node, String path, String interpreter, List<Instruction> maybe, String via) {
      if (site.credentials().isEmpty() || node.mode().isEmpty()) {
        return;
      }
      Credentials who = site.credentials().get();
      Optional<Integer> access = who.access(node.mode().getAsInt(), node.owner(), false);
      if (access.isEmpty()
          || (access.get() & Credentials.READ) != 0
          || (access.get() & Credentials.EXECUTE) == 0) {
        return; // readable, or not executable either (reported as such)
      }
      report(
          Kind.NOT_EXECUTABLE,
          Optional.of(Predicts.PERMISSION_DENIED),
          via
              + "'"
              + path
              + "' is a script that "
              + who
              + " may execute but not read (mode "
              + mode(node.mode().getAsInt())
              + ", owner "
              + node.owner().get()
              + originInside(node)
              + "): "
              + FsPaths.name(interpreter)
              + " cannot open it and "
              + failsWith(Predicts.PERMISSION_DENIED)
              + "; make it readable (chmod a+r "
              + path
              + ") or owned by that user",
          maybe,
          true,
          Optional.of(node));
    }

    /**
     * With exact credentials: the kernel's permission check, owner, group or other class, on the
     * file and on every directory above it (search permission).
     */
    private void exactPermissions(
        Credentials who, FsNode node, String path, List<Instruction> maybe, String via) {
      for (String dir : FsPaths.ancestors(node.path())) {
        if (site.view().get(dir) instanceof Present d
            && d.node().isDirectory()
            && d.node().mode().isPresent()) {
          int dm = d.node().mode().getAsInt();
          Optional<Integer> access = who.access(dm, d.node().owner(), true);
          if (access.isPresent() && (access.get() & Credentials.EXECUTE) == 0) {
            report(
                Kind.NOT_EXECUTABLE,
                Optional.of(Predicts.PERMISSION_DENIED),
                via
                    + "'"
                    + path
                    + "' is inside "
                    + dir
                    + ", which "
                    + who
                    + " may not search (mode "
                    + mode(dm)
                    + ", owner "
                    + d.node().owner().get()
                    + "): "
                    + failsWith(Predicts.PERMISSION_DENIED)
                    + "; chmod o+x "
                    + dir
                    + " or run as its owner",
                maybe,
                true,
                Optional.of(node));
            return;
          }
        }
      }
      int m = node.mode().getAsInt();
      Optional<Integer> access = who.access(m, node.owner(), false);
      if (access.isEmpty() || (access.get() & Credentials.EXECUTE) != 0) {
        return;
      }
      report(
          Kind.NOT_EXECUTABLE,
          Optional.of(Predicts.PERMISSION_DENIED),
          via
              + "'"
              + path
              + "' is not executable by "
              + who
              + " (mode "
              + mode(m)
              + ", owner "
              + node.owner().get()
              + originInside(node)
              + "): "
              + failsWith(Predicts.PERMISSION_DENIED)
              + "; chmod a+x "
              + path
              + " or change its owner to that user",
          maybe,
          true,
          Optional.of(node));
    }

    private void crlf(
        FsNode node,
        String path,
        Shebang sb,
        List<Instruction> maybe,
        String via,
        boolean inInterpreter) {
      boolean env = sb.env().isPresent();
      Optional<Predicts> predicts =
          inInterpreter || env ? Optional.of(Predicts.NO_SUCH_FILE) : Optional.empty();
      String shown =
          (inInterpreter ? stripCr(sb.interpreter()) : stripCr(sb.argument().orElse("")));
      String file = node.origin().contextFile().orElse(FsPaths.name(path));
      String consequence =
          inInterpreter
              ? "the kernel looks for '" + shown + "\\r', which does not exist"
              : env
                  ? "env looks for '" + shown + "\\r', which does not exist"
                  : "'" + stripCr(sb.interpreter()) + "' gets the argument '" + shown + "\\r'";
      report(
          Kind.CRLF_SHEBANG,
          predicts,
          via
              + "'"
              + path
              + "' has Windows (CRLF) line endings"
              + origin(node)
              + ": "
              + consequence
              + (predicts.isPresent() ? ", and " + failsWith(predicts.get()) : "")
              + "; convert it to LF line endings (dos2unix, or RUN sed -i 's/\\r$//' "
              + path
              + ") and add '"
              + file
              + " text eol=lf' to .gitattributes",
          maybe,
          true,
          Optional.of(node));
    }

    private void env(
        FsNode node, String path, EnvInvocation e, List<Instruction> maybe, int depth, String via) {
      if (e.problem().isPresent()) {
        boolean looksUp = e.problem().get().contains("looks for a program");
        report(
            Kind.INTERPRETER_NOT_FOUND,
            looksUp ? Optional.of(Predicts.NO_SUCH_FILE) : Optional.empty(),
            via + e.problem().get() + origin(node),
            maybe,
            true,
            Optional.of(node));
        return;
      }
      if (e.program().isEmpty()) {
        return;
      }
      String program = e.program().get();
      FsState st;
      String at;
      if (program.contains("/")) {
        at = FsPaths.absolute(site.workdir(), program);
        st = site.view().resolve(at);
      } else {
        PathLookup f = lookup(program);
        st = f.state();
        at = f.path();
      }
      if (st instanceof Absent a) {
        report(
            Kind.INTERPRETER_NOT_FOUND,
            Optional.of(Predicts.NO_SUCH_FILE),
            via
                + "env finds no '"
                + program
                + "' in PATH ("
                + site.path()
                + ")"
                + a.why()
                + ": env fails with \"No such file or directory\"; install "
                + program
                + " or change the '#!' line"
                + origin(node),
            merge(maybe, a.mayCreate()),
            true,
            Optional.of(node));
      } else if (st instanceof Present p && depth + 1 <= MAX_INTERPRETER_DEPTH) {
        file(p.alsoMayChange(maybe), at, depth + 1, via + "env runs '" + at + "', and ", true);
      }
    }

    private void elf(FsNode node, String path, ElfFacts elf, List<Instruction> maybe, String via) {
      if (elf.linkage() == ElfFacts.Linkage.NOT_EXECUTABLE) {
        report(
            Kind.FOREIGN_BINARY,
            Optional.of(Predicts.EXEC_FORMAT_ERROR),
            via
                + "'"
                + path
                + "' is an ELF "
                + elf.type().name().toLowerCase(Locale.ROOT)
                + " file, not an executable"
                + origin(node)
                + ": "
                + failsWith(Predicts.EXEC_FORMAT_ERROR),
            maybe,
            true,
            Optional.of(node));
        return;
      }
      if (!site.platforms().isEmpty()) {
        Compat best = Compat.NO;
        for (Platform p : site.platforms()) {
          Compat c = compat(elf, p);
          if (c.ordinal() < best.ordinal()) {
            best = c;
          }
        }
        if (best != Compat.YES) {
          Platform target = site.platforms().get(0);
          String arch = elf.platform().orElse(elf.machineName());
          report(
              Kind.FOREIGN_BINARY,
              Optional.of(Predicts.EXEC_FORMAT_ERROR),
              via
                  + "'"
                  + path
                  + "' is an ELF binary for "
                  + arch
                  + origin(node)
                  + ", but "
                  + (site.kind().atRuntime() ? "the image is for " : "this stage builds for ")
                  + target
                  + (best == Compat.MAYBE
                      ? ": it runs only on arm64 hosts that can execute 32-bit ARM code, elsewhere "
                      : ": ")
                  + failsWith(Predicts.EXEC_FORMAT_ERROR)
                  + " (unless the host emulates "
                  + arch
                  + " with QEMU); use the "
                  + target.architecture()
                  + target.variant().map(v -> "/" + v).orElse("")
                  + (site.scope() == Launch.Scope.IMAGE
                      ? " build of the program (e.g. GOARCH=$TARGETARCH, not a fixed architecture)"
                      : " build of the program or change the stage's --platform"),
              maybe,
              best == Compat.NO,
              Optional.of(node));
          return;
        }
      }
      binaries.add(node);
      if (elf.linkage() == ElfFacts.Linkage.DYNAMIC && elf.interpreter().isPresent()) {
        String loader = elf.interpreter().get();
        FsState st = site.view().resolve(loader);
        if (st instanceof Absent a) {
          String libc =
              LibcLoader.forPath(loader)
                  .map(
                      l ->
                          " (the "
                              + (l.libc() == LibcLoader.Libc.MUSL ? "musl" : "glibc")
                              + " loader)")
                  .orElse("");
          report(
              Kind.LOADER_NOT_FOUND,
              Optional.of(Predicts.NO_SUCH_FILE),
              via
                  + "'"
                  + path
                  + "' is dynamically linked"
                  + origin(node)
                  + " and needs "
                  + loader
                  + libc
                  + ", which does not exist in "
                  + site.scope().where()
                  + ": "
                  + failsWith(Predicts.NO_SUCH_FILE)
                  + " although the file is there; link it statically (e.g. CGO_ENABLED=0),"
                  + " copy its C library into the image, or use a base image with that C library",
              merge(maybe, a.mayCreate()),
              true,
              Optional.of(node));
        }
        if (st instanceof Present lp) {
          foreignLoader(node, path, elf, loader, lp, maybe, via);
        }
      }
    }

    /**
     * A loader of another architecture than the binary that names it: the kernel refuses to map it
     * and the exec fails with ELIBBAD ("accessing a corrupted shared library").
     */
    private void foreignLoader(
        FsNode node,
        String path,
        ElfFacts elf,
        String loader,
        Present found,
        List<Instruction> maybe,
        String via) {
      Optional<ElfFacts> le = found.node().content().facts().flatMap(FileFacts::elf);
      if (le.isEmpty()
          || le.get().architecture().isEmpty()
          || elf.architecture().isEmpty()
          || (le.get().architecture().equals(elf.architecture())
              && le.get().elfClass() == elf.elfClass())) {
        return;
      }
      report(
          Kind.FOREIGN_BINARY,
          Optional.empty(),
          via
              + "'"
              + path
              + "' is an ELF binary for "
              + elf.platform().orElse(elf.machineName())
              + origin(node)
              + ", but its loader "
              + loader
              + " is for "
              + le.get().platform().orElse(le.get().machineName())
              + ": the kernel refuses it and "
              + (site.kind().atRuntime()
                  ? "the container fails to start with \"accessing a corrupted shared library\""
                  : "this fails with \"accessing a corrupted shared library\"")
              + "; install the C library of the binary's architecture",
          merge(maybe, found.mayChange()),
          true,
          Optional.of(node));
    }

    private void report(
        Kind kind,
        Optional<Predicts> predicts,
        String message,
        List<Instruction> maybe,
        boolean certain,
        Optional<FsNode> node) {
      report(kind, predicts, message, maybe, certain, node, node.map(FsNode::path).orElse(""));
    }

    private void report(
        Kind kind,
        Optional<Predicts> predicts,
        String message,
        List<Instruction> maybe,
        boolean certain,
        Optional<FsNode> node,
        String path) {
      String m = message;
      if (!maybe.isEmpty()) {
        List<String> lines = new ArrayList<>();
        for (Instruction i : maybe) {
          lines.add(Integer.toString(i.range().start().line() + 1));
        }
        m +=
            " (only a warning: the RUN at line"
                + (lines.size() > 1 ? "s " : " ")
                + String.join(", ", lines)
                + " may change this)";
      }
      if (!site.built()) {
        m +=
            " (only a warning: BuildKit builds stage "
                + site.unbuiltStage().get()
                + " only as --target, since the final stage does not need it)";
      }
      m += assumption;
      String first = m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
      out.add(
          new LaunchProblem(
              kind, predicts, first, maybe, certain && assumption.isEmpty(), node, path));
    }
  }

  /** Whether a binary runs on a platform: surely, only on some hosts, or not at all. */
  enum Compat {
    YES,
    MAYBE,
    NO
  }

  static Compat compat(ElfFacts elf, Platform p) {
    Optional<String> arch = elf.architecture();
    if (arch.isEmpty()) {
      return Compat.NO;
    }
    String a = arch.get();
    if (a.equals(p.architecture())) {
      if (a.equals("arm") && elf.variant().isPresent() && p.variant().isPresent()) {
        return armLevel(elf.variant().get()) <= armLevel(p.variant().get())
            ? Compat.YES
            : Compat.NO;
      }
      return Compat.YES;
    }
    if (a.equals("386") && p.architecture().equals("amd64")) {
      return Compat.YES;
    }
    if (a.equals("arm") && p.architecture().equals("arm64")) {
      return Compat.MAYBE;
    }
    return Compat.NO;
  }

  private static int armLevel(String variant) {
    try {
      return Integer.parseInt(variant.replaceAll("[^0-9]", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static List<Instruction> merge(List<Instruction> a, List<Instruction> b) {
    List<Instruction> out = new ArrayList<>(a);
    for (Instruction i : b) {
      if (out.stream().noneMatch(x -> x == i)) {
        out.add(i);
      }
    }
    return out;
  }
}
