package dev.dockerlint.imagefs;

import dev.dockerlint.context.Chmod;
import dev.dockerlint.imagefs.FsState.Absent;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import dev.dockerlint.imagefs.ShellScript.Command;
import dev.dockerlint.imagefs.ShellScript.Redirect;
import dev.dockerlint.imagefs.ShellScript.Word;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.syntax.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What one RUN does to the filesystem, judged conservatively from its shell script: the effects it
 * is sure of ({@code chmod +x /x}, {@code ln -s}, {@code dos2unix}, {@code rm}, {@code curl -o},
 * packages of known interpreters) are applied exactly; a command that acts on paths it cannot pin
 * down (a glob, a variable, a recursive extraction) marks the paths it may touch; a command it does
 * not know (a script, a build tool) may change anything. Rules then lower an error to a warning and
 * name the RUN instead of guessing.
 */
final class RunEffects implements FsOp {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Paths a package manager writes: everything of the system but {@code /usr/local}. */
  private static final List<String> SYSTEM_DIRS =
      List.of(
          "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/usr", "/etc", "/opt", "/var");

  /** Where packages put programs (see {@link Packages#paths}). */
  private static final Set<String> INSTALL_DIRS =
      Set.of("/bin", "/usr", "/usr/bin", "/sbin", "/usr/sbin");

  private static final Set<String> NO_OP =
      Set.of(
          "true",
          "false",
          ":",
          "echo",
          "printf",
          "set",
          "export",
          "unset",
          "pwd",
          "test",
          "[",
          "[[",
          "exit",
          "return",
          "sleep",
          "which",
          "whoami",
          "id",
          "uname",
          "date",
          "cat",
          "ls",
          "grep",
          "egrep",
          "fgrep",
          "head",
          "tail",
          "wc",
          "sort",
          "uniq",
          "ldd",
          "file",
          "stat",
          "du",
          "df",
          "readlink",
          "realpath",
          "basename",
          "dirname",
          "type",
          "hash",
          "ulimit",
          "umask",
          "read",
          "shift",
          "local",
          "declare",
          "typeset",
          "trap",
          "wait",
          "getent",
          "nproc",
          "free",
          "ps",
          "printenv",
          "awk",
          "cut",
          "tr",
          "xxd",
          "od",
          "base64",
          "sha1sum",
          "sha256sum",
          "sha512sum",
          "md5sum",
          "cmp",
          "diff",
          "tput",
          "logger",
          "seq",
          "expr",
          "yes",
          "systemctl",
          "service",
          "mount",
          "umount",
          "sync",
          "locale",
          "gpgv",
          "apt-cache",
          "apt-mark",
          "dpkg-query",
          "dpkg-architecture",
          "lsb_release",
          "nslookup",
          "ping",
          "getconf",
          "command");

  /** Where an effect applies. */
  sealed interface Target {
    boolean matches(String path, boolean recursive);

    /** The exact path, if this target names one. */
    default Optional<String> exact() {
      return Optional.empty();
    }
  }

  record Exact(String path) implements Target {
    @Override
    public boolean matches(String p, boolean recursive) {
      return p.equals(path) || (recursive && FsPaths.isWithin(p, path));
    }

    @Override
    public Optional<String> exact() {
      return Optional.of(path);
    }
  }

  record Glob(Pattern pattern) implements Target {
    @Override
    public boolean matches(String p, boolean recursive) {
      if (pattern.matcher(p).matches()) {
        return true;
      }
      if (recursive) {
        for (String a : FsPaths.ancestors(p)) {
          if (pattern.matcher(a).matches()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  record Any() implements Target {
    @Override
    public boolean matches(String p, boolean recursive) {
      return true;
    }
  }

  /** One thing the RUN does. */
  private sealed interface Effect {}

  private record SetMode(Target target, boolean recursive, Chmod chmod) implements Effect {}

  private record SetOwner(Target target, boolean recursive, Optional<String> owner)
      implements Effect {}

  private record FixLineEndings(Target target, boolean bom) implements Effect {}

  private record Link(String link, String target) implements Effect {}

  private record Remove(Target target, boolean recursive) implements Effect {}

  private record Write(Target target, boolean append, boolean touch) implements Effect {}

  private record MakeDir(Target target) implements Effect {}

  private record CopyFile(String from, Target to, OptionalInt mode, boolean move)
      implements Effect {}

  private record Install(List<String> programs, String command) implements Effect {}

  private record SystemChange() implements Effect {}

  private record MayChange(Target target, boolean recursive) implements Effect {}

  private record Anything(String command) implements Effect {}

  private final Instruction run;
  private final FsView before;
  private final List<Effect> effects;

  private RunEffects(Instruction run, FsView before, List<Effect> effects) {
    this.run = run;
    this.before = before;
    this.effects = List.copyOf(effects);
  }

  /**
   * Analyses a shell script that {@code run} executes.
   *
   * @param workdir the RUN's working directory
   * @param vars values of ARG and ENV variables in scope
   * @param before the filesystem just before the RUN
   * @param memo where the commands of scripts seen by earlier lints of the document are kept
   */
  static RunEffects ofScript(
      Instruction run,
      String script,
      String workdir,
      Function<String, Optional<String>> vars,
      FsView before,
      LintMemo memo) {
    Builder b = new Builder(workdir, vars, before, memo);
    b.script(script, 0);
    return new RunEffects(run, before, b.effects);
  }

  /** Analyses an exec-form RUN: one command, its words taken literally. */
  static RunEffects ofArgv(
      Instruction run,
      List<String> argv,
      String workdir,
      Function<String, Optional<String>> vars,
      FsView before,
      LintMemo memo) {
    Builder b = new Builder(workdir, vars, before, memo);
    List<Word> words = new ArrayList<>();
    for (String a : argv) {
      words.add(new Word(a, Pattern.quote(a), true));
    }
    b.command(new Command(words, List.of()), 0);
    return new RunEffects(run, before, b.effects);
  }

  /** Whether the RUN does something this analysis does not understand. */
  boolean hasUnknownCommands() {
    return effects.stream().anyMatch(e -> e instanceof Anything);
  }

  @Override
  public FsState apply(String path, FsState state) {
    return applyRange(path, state, effects.size());
  }

  private FsState applyRange(String path, FsState state, int upTo) {
    FsState s = state;
    for (int i = 0; i < upTo; i++) {
      s = apply(effects.get(i), i, path, s);
    }
    return s;
  }

  private String line() {
    return "line " + (run.range().start().line() + 1);
  }

  private FsState apply(Effect e, int index, String path, FsState s) {
    if (e instanceof SetMode m) {
      if (!m.target().matches(path, m.recursive())) {
        return s;
      }
      if (m.target() instanceof Exact && s instanceof Present p && !p.node().isSymlink()) {
        OptionalInt mode = p.node().mode();
        FsNode n = p.node();
        if (m.chmod().octal().isPresent()) {
          n = n.withMode(OptionalInt.of(m.chmod().octal().getAsInt()));
        } else if (mode.isPresent()) {
          n = n.withMode(OptionalInt.of(m.chmod().apply(mode.getAsInt(), n.isDirectory())));
        } else {
          return s.maybe(run);
        }
        return new Present(n, p.mayChange());
      }
      return s instanceof Present ? s.maybe(run) : s;
    }
    if (e instanceof SetOwner o) {
      if (!o.target().matches(path, o.recursive()) || !(s instanceof Present p)) {
        return s;
      }
      if (o.target() instanceof Exact && o.owner().isPresent()) {
        return new Present(p.node().withOwner(o.owner()), p.mayChange());
      }
      return new Present(p.node().withOwner(Optional.empty()), p.mayChange());
    }
    if (e instanceof FixLineEndings f) {
      if (!f.target().matches(path, false) || !(s instanceof Present p)) {
        return s;
      }
      if (f.target() instanceof Exact) {
        FsNode n = p.node().withContent(p.node().content().withLineEndingsFixed(run, f.bom()));
        return new Present(n, p.mayChange());
      }
      return s.maybe(run);
    }
    if (e instanceof Link l) {
      if (!path.equals(l.link())) {
        return s;
      }
      return new Present(
          new FsNode(
              path,
              FsNode.Kind.SYMLINK,
              OptionalInt.of(0777),
              Optional.of("0:0"),
              Optional.of(l.target()),
              Content.unknown(),
              Origin.of(Optional.of(run), "linked to " + l.target() + " by the RUN at " + line())));
    }
    if (e instanceof Remove r) {
      if (!r.target().matches(path, r.recursive())) {
        return s;
      }
      if (r.target() instanceof Exact) {
        return new Absent("removed by the RUN at " + line());
      }
      return s instanceof Present ? s.maybe(run) : s;
    }
    if (e instanceof Write w) {
      if (!w.target().matches(path, false)) {
        return s;
      }
      if (!(w.target() instanceof Exact)) {
        return s.maybe(run);
      }
      if (s instanceof Present p) {
        if (w.touch() || w.append()) {
          return s;
        }
        return new Present(p.node().withContent(Content.unknown()), p.mayChange());
      }
      return new Present(
          new FsNode(
              path,
              FsNode.Kind.FILE,
              s instanceof Absent ? OptionalInt.of(0644) : OptionalInt.empty(),
              Optional.empty(),
              Optional.empty(),
              w.touch() && s instanceof Absent ? Content.of(new byte[0]) : Content.unknown(),
              Origin.of(Optional.of(run), "written by the RUN at " + line())));
    }
    if (e instanceof MakeDir d) {
      if (!d.target().matches(path, false)) {
        return s;
      }
      if (d.target() instanceof Exact && !(s instanceof Present)) {
        return new Present(
            FsNode.directory(path, Origin.of(Optional.of(run), "made by the RUN at " + line())));
      }
      return s instanceof Absent ? s.maybe(run) : s;
    }
    if (e instanceof CopyFile c) {
      return copy(c, index, path, s);
    }
    if (e instanceof Install i) {
      if (s instanceof Absent && INSTALL_DIRS.contains(path)) {
        return new Present(
            FsNode.directory(path, Origin.of(Optional.of(run), "made by the RUN at " + line())));
      }
      for (String program : i.programs()) {
        if (Packages.paths(program).contains(path) && !(s instanceof Present)) {
          return new Present(
              new FsNode(
                  path,
                  FsNode.Kind.FILE,
                  OptionalInt.of(0755),
                  Optional.of("0:0"),
                  Optional.empty(),
                  Content.unknown(),
                  Origin.of(
                      Optional.of(run),
                      "installed by '" + i.command() + "' in the RUN at " + line())));
        }
      }
      return s;
    }
    if (e instanceof SystemChange) {
      if (s instanceof Absent && isSystem(path)) {
        return s.maybe(run);
      }
      return s;
    }
    if (e instanceof MayChange m) {
      return m.target().matches(path, m.recursive()) ? s.maybe(run) : s;
    }
    return s.maybe(run);
  }

  private FsState copy(CopyFile c, int index, String path, FsState s) {
    if (c.move() && path.equals(c.from())) {
      return new Absent("moved away by the RUN at " + line());
    }
    if (!c.to().matches(path, false)) {
      return s;
    }
    if (!(c.to() instanceof Exact)) {
      return s.maybe(run);
    }
    FsView partial = p -> applyRange(p, before.get(p), index);
    FsState source = partial.resolve(c.from());
    if (source instanceof Present p && !p.node().isDirectory()) {
      FsNode n =
          p.node()
              .at(path)
              .withOrigin(
                  Origin.of(
                      Optional.of(run), "copied from " + c.from() + " by the RUN at " + line()));
      if (c.mode().isPresent()) {
        n = n.withMode(c.mode());
      }
      return new Present(n, p.mayChange());
    }
    if (c.mode().isPresent()) {
      return new Present(
          new FsNode(
              path,
              FsNode.Kind.FILE,
              c.mode(),
              Optional.empty(),
              Optional.empty(),
              Content.unknown(),
              Origin.of(Optional.of(run), "installed by the RUN at " + line())));
    }
    return s instanceof Unknown ? s : new Unknown("copied by the RUN at " + line());
  }

  private static boolean isSystem(String path) {
    if (FsPaths.isWithin(path, "/usr/local")) {
      return false;
    }
    for (String d : SYSTEM_DIRS) {
      if (FsPaths.isWithin(path, d)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------- analysis

  /** Reads commands into effects, tracking the working directory ({@code cd}). */
  private static final class Builder {
    final List<Effect> effects = new ArrayList<>();
    private final Function<String, Optional<String>> vars;
    private final FsView before;
    private final LintMemo memo;
    private Optional<String> cwd;

    Builder(String workdir, Function<String, Optional<String>> vars, FsView before, LintMemo memo) {
      this.cwd = Optional.of(workdir);
      this.vars = vars;
      this.before = before;
      this.memo = memo;
    }

    void script(String script, int depth) {
      for (Command c : ShellScript.parse(script, vars, memo)) {
        command(c, depth);
      }
    }

    void command(Command c, int depth) {
      for (Redirect r : c.redirects()) {
        String op = r.op();
        if (op.startsWith(">") || op.startsWith("&>")) {
          if (!r.target().text().startsWith("/dev/") && !r.target().text().startsWith("/proc/")) {
            effects.add(new Write(target(r.target()), op.endsWith(">>"), false));
          }
        }
      }
      List<Word> words = new ArrayList<>(c.words());
      while (!words.isEmpty() && isAssignment(words.get(0))) {
        words.remove(0);
      }
      words = stripPrefixes(words);
      if (words.isEmpty()) {
        return;
      }
      Word head = words.get(0);
      if (!head.literal()) {
        anything(head.text());
        return;
      }
      String name = FsPaths.name(FsPaths.clean(head.text()));
      List<Word> args = words.subList(1, words.size());
      dispatch(name, head.text(), args, depth);
    }

    private void anything(String command) {
      effects.add(new Anything(command));
    }

    private static boolean isAssignment(Word w) {
      int eq = w.text().indexOf('=');
      return eq > 0 && NAME.matcher(w.text().substring(0, eq)).matches();
    }

    /** Removes {@code sudo}, {@code env A=B}, {@code exec}, {@code nohup} and the like. */
    private List<Word> stripPrefixes(List<Word> words) {
      List<Word> w = words;
      while (!w.isEmpty() && w.get(0).literal()) {
        String h = w.get(0).text();
        int skip;
        switch (h) {
          case "sudo" -> {
            skip = 1;
            while (skip < w.size() && w.get(skip).text().startsWith("-")) {
              String o = w.get(skip).text();
              skip += (o.equals("-u") || o.equals("-g") || o.equals("-C")) ? 2 : 1;
            }
          }
          case "env" -> {
            skip = 1;
            while (skip < w.size()
                && (w.get(skip).text().startsWith("-") || isAssignment(w.get(skip)))) {
              skip += w.get(skip).text().equals("-u") ? 2 : 1;
            }
          }
          case "exec", "nohup", "time", "builtin" -> skip = 1;
          case "nice", "timeout", "gosu", "su-exec" -> {
            skip = 2;
            if (h.equals("nice") && w.size() > 1 && !w.get(1).text().startsWith("-")) {
              skip = 1;
            }
          }
          case "command" -> {
            if (w.size() > 1 && w.get(1).text().startsWith("-")) {
              return List.of();
            }
            skip = 1;
          }
          default -> {
            return w;
          }
        }
        w = skip >= w.size() ? List.of() : w.subList(skip, w.size());
      }
      return w;
    }

    private void dispatch(String name, String written, List<Word> args, int depth) {
      switch (name) {
        case "cd" -> cd(args);
        case "chmod" -> chmod(args);
        case "chown", "chgrp" -> chown(name, args);
        case "ln" -> ln(args);
        case "rm", "unlink", "rmdir" -> rm(name, args);
        case "mkdir" -> mkdir(args);
        case "touch" -> touch(args);
        case "cp", "mv" -> cp(args, name.equals("mv"));
        case "install" -> install(args);
        case "dos2unix", "fromdos" -> dos2unix(args);
        case "unix2dos", "todos", "gunzip", "bunzip2", "unxz", "uncompress" -> mayChange(args);
        case "sed", "perl" -> inPlace(name, written, args);
        case "tee" -> tee(args);
        case "curl" -> curl(args);
        case "wget" -> wget(args);
        case "tar" -> tar(args);
        case "unzip" -> unzip(args);
        case "find" -> find(args);
        case "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh" -> shell(written, args, depth);
        case "apt-get", "apt", "aptitude" -> packages(written, args, "install");
        case "apk" -> packages(written, args, "add");
        case "yum", "dnf", "microdnf", "tdnf" -> packages(written, args, "install");
        case "zypper" -> packages(written, args, "install", "in");
        case "pacman" -> pacman(written, args);
        case "dpkg",
            "rpm",
            "ldconfig",
            "update-ca-certificates",
            "locale-gen",
            "localedef",
            "dpkg-reconfigure",
            "fc-cache",
            "update-alternatives",
            "apt-key",
            "gpg",
            "useradd",
            "adduser",
            "groupadd",
            "addgroup",
            "usermod",
            "groupmod",
            "userdel",
            "deluser",
            "delgroup",
            "passwd",
            "chpasswd" ->
            system(name, args);
        case "git" -> git(args);
        default -> {
          if (!NO_OP.contains(name)) {
            anything(written);
          }
        }
      }
    }

    // -------------------------------------------------------------------------- helpers

    /** A path operand as a target: exact when literal, a pattern when globbed or variable. */
    private Target target(Word w) {
      if (w.literal()) {
        if (w.text().startsWith("/")) {
          return new Exact(FsPaths.clean(w.text()));
        }
        return cwd.<Target>map(d -> new Exact(FsPaths.absolute(d, w.text()))).orElse(new Any());
      }
      String re = w.regex();
      if (w.text().startsWith("/")) {
        return new Glob(Pattern.compile(re));
      }
      if (cwd.isPresent() && !w.text().startsWith("$") && !w.text().startsWith("~")) {
        String prefix = cwd.get().equals("/") ? "/" : cwd.get() + "/";
        return new Glob(Pattern.compile(Pattern.quote(prefix) + re));
      }
      return new Any();
    }

    /** Splits arguments into options and operands; {@code valued} options take the next word. */
    private static List<Word> operands(List<Word> args, Set<String> valued) {
      List<Word> out = new ArrayList<>();
      boolean options = true;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (options && a.equals("--")) {
          options = false;
        } else if (options && a.startsWith("-") && a.length() > 1) {
          if (valued.contains(a)) {
            i++;
          }
        } else {
          out.add(args.get(i));
        }
      }
      return out;
    }

    private static boolean hasOption(List<Word> args, String shortLetter, String... longNames) {
      for (Word w : args) {
        String a = w.text();
        if (a.equals("--")) {
          return false;
        }
        for (String l : longNames) {
          if (a.equals(l)) {
            return true;
          }
        }
        if (!shortLetter.isEmpty()
            && a.startsWith("-")
            && !a.startsWith("--")
            && a.substring(1).matches("[A-Za-z]+")
            && a.contains(shortLetter)) {
          return true;
        }
      }
      return false;
    }

    /** The value of option {@code name} ({@code -o X}, {@code -oX}, {@code --name=X}). */
    private static Optional<Word> optionValue(List<Word> args, String shortName, String longName) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if ((a.equals(shortName) || a.equals(longName)) && i + 1 < args.size()) {
          return Optional.of(args.get(i + 1));
        }
        if (longName != null && a.startsWith(longName + "=")) {
          Word w = args.get(i);
          String v = a.substring(longName.length() + 1);
          return Optional.of(new Word(v, w.literal() ? Pattern.quote(v) : ".*", w.literal()));
        }
      }
      return Optional.empty();
    }

    private void cd(List<Word> args) {
      List<Word> ops = operands(args, Set.of());
      if (ops.isEmpty()) {
        cwd = Optional.of("/root");
      } else if (ops.get(0).literal() && !ops.get(0).text().equals("-")) {
        cwd = cwd.map(d -> FsPaths.absolute(d, ops.get(0).text()));
        if (ops.get(0).text().startsWith("/")) {
          cwd = Optional.of(FsPaths.clean(ops.get(0).text()));
        }
      } else {
        cwd = Optional.empty();
      }
    }

    private void chmod(List<Word> args) {
      boolean recursive = false;
      Optional<Word> mode = Optional.empty();
      List<Word> targets = new ArrayList<>();
      boolean options = true;
      for (Word w : args) {
        String a = w.text();
        if (options && a.equals("--")) {
          options = false;
        } else if (options && (a.equals("-R") || a.equals("--recursive"))) {
          recursive = true;
        } else if (options && a.startsWith("--reference")) {
          mode = Optional.of(new Word("?", ".*", false));
        } else if (options && a.matches("-[cfvR]+")) {
          recursive |= a.contains("R");
        } else if (mode.isEmpty()) {
          mode = Optional.of(w);
        } else {
          targets.add(w);
        }
      }
      Optional<Chmod> chmod =
          mode.filter(Word::literal)
              .map(w -> Chmod.parse(w.text()))
              .filter(c -> c.error().isEmpty());
      for (Word t : targets) {
        if (chmod.isPresent()) {
          effects.add(new SetMode(target(t), recursive, chmod.get()));
        } else {
          effects.add(new MayChange(target(t), recursive));
        }
      }
    }

    private void chown(String name, List<Word> args) {
      boolean recursive = hasOption(args, "R", "--recursive");
      List<Word> ops = operands(args, Set.of());
      if (ops.isEmpty()) {
        return;
      }
      Optional<String> owner =
          name.equals("chown") && ops.get(0).literal()
              ? Optional.of(ops.get(0).text())
              : Optional.empty();
      for (Word t : ops.subList(1, ops.size())) {
        effects.add(new SetOwner(target(t), recursive, owner));
      }
    }

    private void ln(List<Word> args) {
      boolean symbolic = hasOption(args, "s", "--symbolic");
      boolean relative = hasOption(args, "r", "--relative");
      Optional<Word> dirOption = optionValue(args, "-t", "--target-directory");
      List<Word> ops = operands(args, Set.of("-t", "-S", "--suffix"));
      if (ops.isEmpty()) {
        return;
      }
      List<Word[]> pairs = new ArrayList<>();
      if (dirOption.isPresent()) {
        for (Word t : ops) {
          pairs.add(new Word[] {t, join(dirOption.get(), t)});
        }
      } else if (ops.size() == 1) {
        Word t = ops.get(0);
        pairs.add(new Word[] {t, new Word(baseName(t.text()), "[^/]*", t.literal())});
      } else if (ops.size() == 2) {
        pairs.add(new Word[] {ops.get(0), ops.get(1)});
      } else {
        Word dir = ops.get(ops.size() - 1);
        for (Word t : ops.subList(0, ops.size() - 1)) {
          pairs.add(new Word[] {t, join(dir, t)});
        }
      }
      for (Word[] p : pairs) {
        Word target = p[0];
        Target link = target(p[1]);
        if (!target.literal() || link.exact().isEmpty()) {
          effects.add(new MayChange(link, false));
          continue;
        }
        String linkPath = link.exact().get();
        FsState at = before.get(linkPath);
        if (at instanceof Present pr && pr.node().isDirectory()) {
          linkPath = FsPaths.join(linkPath, baseName(target.text()));
        } else if (at instanceof Unknown && ops.size() == 2 && dirOption.isEmpty()) {
          effects.add(
              new MayChange(new Exact(FsPaths.join(linkPath, baseName(target.text()))), false));
        }
        if (symbolic) {
          String text = target.text();
          if (relative && cwd.isPresent()) {
            text = FsPaths.absolute(cwd.get(), text);
          }
          effects.add(new Link(linkPath, text));
        } else {
          String from = cwd.map(d -> FsPaths.absolute(d, target.text())).orElse(target.text());
          effects.add(new CopyFile(from, new Exact(linkPath), OptionalInt.empty(), false));
        }
      }
    }

    private static Word join(Word dir, Word file) {
      String name = baseName(file.text());
      String text = dir.text() + "/" + name;
      boolean lit = dir.literal() && file.literal();
      return new Word(text, lit ? Pattern.quote(text) : dir.regex() + "/.*", lit);
    }

    private static String baseName(String p) {
      String t = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
      return t.substring(t.lastIndexOf('/') + 1);
    }

    private void rm(String name, List<Word> args) {
      boolean recursive = !name.equals("rmdir") && hasOption(args, "r", "--recursive");
      recursive |= !name.equals("rmdir") && hasOption(args, "R");
      for (Word t : operands(args, Set.of())) {
        effects.add(new Remove(target(t), recursive));
      }
    }

    private void mkdir(List<Word> args) {
      for (Word t : operands(args, Set.of("-m", "--mode", "-Z", "--context"))) {
        Target target = target(t);
        effects.add(new MakeDir(target));
        if (target.exact().isPresent() && hasOption(args, "p", "--parents")) {
          for (String a : FsPaths.ancestors(target.exact().get())) {
            effects.add(new MakeDir(new Exact(a)));
          }
        }
      }
    }

    private void touch(List<Word> args) {
      for (Word t : operands(args, Set.of("-d", "-t", "-r", "--date", "--reference"))) {
        effects.add(new Write(target(t), false, true));
      }
    }

    private void cp(List<Word> args, boolean move) {
      Optional<Word> dirOption = optionValue(args, "-t", "--target-directory");
      List<Word> ops = operands(args, Set.of("-t", "-S", "--suffix", "--target-directory"));
      boolean recursive = move || hasOption(args, "r", "--recursive", "-R", "--archive");
      recursive |= hasOption(args, "a") || hasOption(args, "R");
      if (ops.isEmpty()) {
        return;
      }
      List<Word> sources;
      Word dest;
      boolean destIsDir;
      if (dirOption.isPresent()) {
        sources = ops;
        dest = dirOption.get();
        destIsDir = true;
      } else {
        if (ops.size() < 2) {
          return;
        }
        sources = ops.subList(0, ops.size() - 1);
        dest = ops.get(ops.size() - 1);
        destIsDir = sources.size() > 1 || dest.text().endsWith("/");
      }
      Target destTarget = target(dest);
      if (destTarget.exact().isEmpty()) {
        effects.add(new MayChange(destTarget, true));
        if (move) {
          sources.forEach(s -> effects.add(new Remove(target(s), true)));
        }
        return;
      }
      String d = destTarget.exact().get();
      FsState destState = before.get(d);
      destIsDir |= destState instanceof Present p && p.node().isDirectory();
      boolean ambiguous = !destIsDir && destState instanceof Unknown;
      for (Word s : sources) {
        Target src = target(s);
        if (src.exact().isEmpty()) {
          effects.add(new MayChange(destTarget, true));
          if (move) {
            effects.add(new Remove(src, true));
          }
          continue;
        }
        String from = src.exact().get();
        FsState state = before.resolve(from);
        if (state instanceof Present p && p.node().isDirectory()
            || recursive && !(state instanceof Present)) {
          effects.add(new MayChange(destTarget, true));
        }
        String to = destIsDir ? FsPaths.join(d, FsPaths.name(from)) : d;
        if (ambiguous) {
          effects.add(new MayChange(new Exact(FsPaths.join(d, FsPaths.name(from))), true));
        }
        effects.add(new CopyFile(from, new Exact(to), OptionalInt.empty(), move));
      }
    }

    private void install(List<Word> args) {
      Optional<Word> modeWord = optionValue(args, "-m", "--mode");
      OptionalInt mode = OptionalInt.of(0755);
      if (modeWord.isPresent()) {
        Optional<Chmod> c =
            modeWord
                .filter(Word::literal)
                .map(w -> Chmod.parse(w.text()))
                .filter(x -> x.error().isEmpty());
        mode = c.map(x -> OptionalInt.of(x.apply(0, false))).orElse(OptionalInt.empty());
      }
      Set<String> valued =
          Set.of(
              "-m",
              "--mode",
              "-o",
              "--owner",
              "-g",
              "--group",
              "-t",
              "--target-directory",
              "-S",
              "--suffix");
      List<Word> ops = operands(args, valued);
      if (hasOption(args, "d", "--directory")) {
        ops.forEach(t -> effects.add(new MakeDir(target(t))));
        return;
      }
      Optional<Word> dirOption = optionValue(args, "-t", "--target-directory");
      List<Word> sources =
          dirOption.isPresent() ? ops : ops.size() < 2 ? List.of() : ops.subList(0, ops.size() - 1);
      for (Word s : sources) {
        Word dest = dirOption.isPresent() ? join(dirOption.get(), s) : ops.get(ops.size() - 1);
        Target to = target(dest);
        if (dirOption.isEmpty() && sources.size() > 1) {
          to = target(join(dest, s));
        }
        Target from = target(s);
        if (from.exact().isEmpty() || to.exact().isEmpty()) {
          effects.add(new MayChange(to, true));
          continue;
        }
        String t = to.exact().get();
        if (before.get(t) instanceof Present p && p.node().isDirectory()) {
          t = FsPaths.join(t, FsPaths.name(from.exact().get()));
        }
        if (hasOption(args, "D")) {
          for (String a : FsPaths.ancestors(t)) {
            effects.add(new MakeDir(new Exact(a)));
          }
        }
        effects.add(new CopyFile(from.exact().get(), new Exact(t), mode, false));
      }
    }

    private void dos2unix(List<Word> args) {
      List<Word> ops = operands(args, Set.of("-c", "--convmode", "-f", "--force"));
      boolean newFile = hasOption(args, "n", "--newfile");
      if (newFile) {
        for (int i = 1; i < ops.size(); i += 2) {
          effects.add(new Write(target(ops.get(i)), false, false));
        }
        return;
      }
      for (Word t : ops) {
        effects.add(new FixLineEndings(target(t), true));
      }
    }

    private void mayChange(List<Word> args) {
      for (Word t : operands(args, Set.of())) {
        effects.add(new MayChange(target(t), false));
        if (t.literal() && t.text().contains(".")) {
          effects.add(
              new MayChange(
                  target(new Word(t.text().replaceFirst("\\.[^./]+$", ""), "", true)), false));
        }
      }
    }

    /** {@code sed -i} and {@code perl -pi}: in-place edits, line ending repairs among them. */
    private void inPlace(String name, String written, List<Word> args) {
      boolean inPlace = false;
      List<String> scripts = new ArrayList<>();
      List<Word> files = new ArrayList<>();
      boolean scriptGiven = false;
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (a.equals("-e")
            || a.equals("--expression")
            || (name.equals("perl") && a.matches("-[a-zA-Z]*e"))) {
          if (name.equals("perl") && a.contains("i")) {
            inPlace = true;
          }
          if (i + 1 < args.size()) {
            scripts.add(args.get(++i).text());
            scriptGiven = true;
          }
        } else if (a.startsWith("--expression=")) {
          scripts.add(a.substring("--expression=".length()));
          scriptGiven = true;
        } else if (a.equals("-f") || a.equals("--file")) {
          i++;
          scripts.add("?");
          scriptGiven = true;
        } else if (a.startsWith("--in-place")
            || a.matches("-[a-zA-Z]*i.*") && !a.startsWith("--")) {
          inPlace = true;
        } else if (a.startsWith("-") && a.length() > 1) {
          continue;
        } else if (!scriptGiven) {
          scripts.add(a);
          scriptGiven = true;
        } else {
          files.add(args.get(i));
        }
      }
      if (name.equals("perl") && !inPlace) {
        anything(written);
        return;
      }
      if (!inPlace) {
        return;
      }
      boolean cr = scripts.stream().anyMatch(Builder::removesCarriageReturn);
      for (Word f : files) {
        effects.add(cr ? new FixLineEndings(target(f), false) : new MayChange(target(f), false));
      }
    }

    private static boolean removesCarriageReturn(String script) {
      return script.contains("\\r")
          || script.contains("\r")
          || script.toLowerCase(java.util.Locale.ROOT).contains("\\x0d")
          || script.contains("\\o15")
          || script.contains("\\d13");
    }

    private void tee(List<Word> args) {
      boolean append = hasOption(args, "a", "--append");
      for (Word t : operands(args, Set.of())) {
        if (!t.text().startsWith("/dev/")) {
          effects.add(new Write(target(t), append, false));
        }
      }
    }

    private void curl(List<Word> args) {
      Set<Character> valuedShort =
          Set.of(
              'o', 'H', 'd', 'e', 'u', 'A', 'x', 'X', 'w', 'K', 'c', 'b', 'T', 'F', 'C', 'm', 'r',
              'E', 'y', 'Y', 'z', 'U', 'Q', 'P');
      Set<String> valuedLong =
          Set.of(
              "--header",
              "--data",
              "--data-raw",
              "--data-binary",
              "--data-urlencode",
              "--user",
              "--user-agent",
              "--proxy",
              "--request",
              "--write-out",
              "--config",
              "--cookie-jar",
              "--cookie",
              "--upload-file",
              "--form",
              "--continue-at",
              "--max-time",
              "--range",
              "--cert",
              "--retry",
              "--retry-delay",
              "--retry-max-time",
              "--connect-timeout",
              "--cacert",
              "--capath",
              "--proto",
              "--proto-redir",
              "--referer",
              "--resolve",
              "--url",
              "--limit-rate",
              "--max-filesize",
              "--key",
              "--netrc-file");
      Optional<Word> outputDir = optionValue(args, "--output-dir", "--output-dir");
      List<Word> outputs = new ArrayList<>();
      boolean remoteName = false;
      List<Word> urls = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        Word w = args.get(i);
        String a = w.text();
        if (a.equals("--output") && i + 1 < args.size()) {
          outputs.add(args.get(++i));
        } else if (a.startsWith("--output=")) {
          outputs.add(new Word(a.substring(9), ".*", w.literal()));
        } else if (a.equals("--remote-name") || a.equals("--remote-name-all")) {
          remoteName = true;
        } else if (a.equals("--output-dir")) {
          i++;
        } else if (a.startsWith("--")) {
          if (valuedLong.contains(a)) {
            i++;
          }
        } else if (a.startsWith("-") && a.length() > 1) {
          for (int k = 1; k < a.length(); k++) {
            char ch = a.charAt(k);
            if (ch == 'O') {
              remoteName = true;
            } else if (valuedShort.contains(ch)) {
              String rest = a.substring(k + 1);
              Word value =
                  rest.isEmpty() && i + 1 < args.size()
                      ? args.get(++i)
                      : new Word(rest, Pattern.quote(rest), w.literal());
              if (ch == 'o') {
                outputs.add(value);
              }
              break;
            }
          }
        } else {
          urls.add(w);
        }
      }
      for (Word o : outputs) {
        if (!o.text().equals("-") && !o.text().startsWith("/dev/")) {
          Word out =
              outputDir.isPresent() && !o.text().startsWith("/") ? join(outputDir.get(), o) : o;
          effects.add(new Write(target(out), false, false));
        }
      }
      if (remoteName) {
        for (Word u : urls) {
          Word dir = outputDir.orElse(new Word(".", "\\.", true));
          String file = baseName(u.text().replaceFirst("[?#].*$", ""));
          effects.add(
              new Write(
                  target(join(dir, new Word(file, Pattern.quote(file), u.literal()))),
                  false,
                  false));
        }
      }
    }

    private void wget(List<Word> args) {
      Optional<Word> output = Optional.empty();
      Optional<Word> prefix = Optional.empty();
      List<Word> urls = new ArrayList<>();
      Set<Character> valuedShort =
          Set.of(
              'O', 'P', 'o', 'a', 'i', 't', 'T', 'w', 'e', 'U', 'Q', 'B', 'l', 'A', 'R', 'D', 'I',
              'X');
      for (int i = 0; i < args.size(); i++) {
        Word w = args.get(i);
        String a = w.text();
        if (a.startsWith("--output-document=")) {
          output = Optional.of(new Word(a.substring(18), ".*", w.literal()));
        } else if (a.equals("--output-document") && i + 1 < args.size()) {
          output = Optional.of(args.get(++i));
        } else if (a.startsWith("--directory-prefix=")) {
          prefix = Optional.of(new Word(a.substring(19), ".*", w.literal()));
        } else if (a.startsWith("--")) {
          continue;
        } else if (a.startsWith("-") && a.length() > 1) {
          for (int k = 1; k < a.length(); k++) {
            char ch = a.charAt(k);
            if (valuedShort.contains(ch)) {
              String rest = a.substring(k + 1);
              Word value =
                  rest.isEmpty() && i + 1 < args.size()
                      ? args.get(++i)
                      : new Word(rest, Pattern.quote(rest), w.literal());
              if (ch == 'O') {
                output = Optional.of(value);
              } else if (ch == 'P') {
                prefix = Optional.of(value);
              }
              break;
            }
          }
        } else {
          urls.add(w);
        }
      }
      if (output.isPresent()) {
        if (!output.get().text().equals("-") && !output.get().text().startsWith("/dev/")) {
          effects.add(new Write(target(output.get()), false, false));
        }
        return;
      }
      Word dir = prefix.orElse(new Word(".", "\\.", true));
      for (Word u : urls) {
        String file = baseName(u.text().replaceFirst("[?#].*$", ""));
        effects.add(
            new Write(
                target(join(dir, new Word(file, Pattern.quote(file), u.literal()))), false, false));
      }
    }

    private void tar(List<Word> args) {
      boolean extract = false;
      Optional<Word> directory = Optional.empty();
      Optional<Word> file = Optional.empty();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (i == 0 && !a.startsWith("-") && a.matches("[a-zA-Z]+")) {
          extract |= a.contains("x");
          if (a.contains("f") && i + 1 < args.size()) {
            file = Optional.of(args.get(i + 1));
          }
        } else if (a.equals("--extract") || a.equals("--get")) {
          extract = true;
        } else if (a.equals("-C") || a.equals("--directory")) {
          if (i + 1 < args.size()) {
            directory = Optional.of(args.get(++i));
          }
        } else if (a.startsWith("--directory=")) {
          directory = Optional.of(new Word(a.substring(12), ".*", args.get(i).literal()));
        } else if (a.startsWith("-") && !a.startsWith("--")) {
          extract |= a.contains("x");
          if (a.endsWith("f") && i + 1 < args.size()) {
            file = Optional.of(args.get(++i));
          } else if (a.endsWith("C") && i + 1 < args.size()) {
            directory = Optional.of(args.get(++i));
          }
        } else if (a.equals("--file") && i + 1 < args.size()) {
          file = Optional.of(args.get(++i));
        }
      }
      if (extract) {
        Word d = directory.orElse(new Word(".", "\\.", true));
        effects.add(new MayChange(target(d), true));
      } else if (file.isPresent() && !file.get().text().equals("-")) {
        effects.add(new Write(target(file.get()), false, false));
      }
    }

    private void unzip(List<Word> args) {
      Word d = optionValue(args, "-d", "-d").orElse(new Word(".", "\\.", true));
      effects.add(new MayChange(target(d), true));
    }

    private void find(List<Word> args) {
      boolean acts = false;
      List<Word> roots = new ArrayList<>();
      boolean inRoots = true;
      for (Word w : args) {
        String a = w.text();
        if (a.startsWith("-") || a.equals("(") || a.equals("!")) {
          inRoots = false;
        }
        if (inRoots) {
          roots.add(w);
        }
        if (a.equals("-exec")
            || a.equals("-execdir")
            || a.equals("-delete")
            || a.equals("-ok")
            || a.equals("-okdir")) {
          acts = true;
        }
      }
      if (!acts) {
        return;
      }
      if (roots.isEmpty()) {
        roots.add(new Word(".", "\\.", true));
      }
      for (Word r : roots) {
        effects.add(new MayChange(target(r), true));
      }
    }

    private void shell(String written, List<Word> args, int depth) {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).text();
        if (a.equals("-o") || a.equals("+o")) {
          i++;
        } else if (a.startsWith("-") && a.contains("c") && !a.startsWith("--")) {
          if (i + 1 < args.size() && depth < 4) {
            Word script = args.get(i + 1);
            if (script.literal()) {
              script(script.text(), depth + 1);
              return;
            }
          }
          break;
        } else if (!a.startsWith("-") && !a.startsWith("+")) {
          break;
        }
      }
      anything(written);
    }

    private void packages(String written, List<Word> args, String... installWords) {
      List<Word> ops =
          operands(
              args,
              Set.of(
                  "--virtual",
                  "-t",
                  "--repository",
                  "-X",
                  "--arch",
                  "--root",
                  "-p",
                  "-o",
                  "-c",
                  "-x",
                  "--exclude",
                  "--setopt",
                  "--enablerepo",
                  "--disablerepo",
                  "--releasever",
                  "--installroot",
                  "-r",
                  "--repo",
                  "--from",
                  "-C",
                  "--cache-dir",
                  "--keys-dir"));
      if (ops.isEmpty()) {
        return;
      }
      String sub = ops.get(0).text();
      if (List.of(
              "update",
              "clean",
              "autoclean",
              "check",
              "download",
              "source",
              "info",
              "search",
              "list",
              "makecache",
              "policy",
              "show",
              "cache",
              "stats",
              "version",
              "refresh",
              "repolist")
          .contains(sub)) {
        return;
      }
      List<String> programs = new ArrayList<>();
      if (List.of(installWords).contains(sub) || sub.equals("add") && written.endsWith("apk")) {
        for (Word p : ops.subList(1, ops.size())) {
          if (p.literal()) {
            programs.addAll(Packages.programs(p.text()));
          }
        }
      }
      if (!programs.isEmpty()) {
        effects.add(
            new Install(
                List.copyOf(new LinkedHashSet<>(programs)), FsPaths.name(written) + " " + sub));
      }
      effects.add(new SystemChange());
    }

    private void pacman(String written, List<Word> args) {
      boolean sync =
          args.stream().anyMatch(w -> w.text().matches("-S[a-z]*") || w.text().equals("--sync"));
      if (sync) {
        List<String> programs = new ArrayList<>();
        for (Word p : operands(args, Set.of())) {
          programs.addAll(Packages.programs(p.text()));
        }
        if (!programs.isEmpty()) {
          effects.add(new Install(programs, "pacman -S"));
        }
      }
      effects.add(new SystemChange());
    }

    private void system(String name, List<Word> args) {
      effects.add(new SystemChange());
      if (name.equals("update-alternatives")) {
        List<Word> ops = operands(args, Set.of());
        int at = -1;
        for (int i = 0; i < args.size(); i++) {
          if (args.get(i).text().equals("--install")) {
            at = i;
          }
        }
        if (at >= 0 && at + 3 < args.size()) {
          effects.add(new MayChange(target(args.get(at + 1)), false));
        } else if (!ops.isEmpty()) {
          effects.add(new MayChange(new Any(), false));
        }
      }
      if (name.equals("useradd") || name.equals("adduser")) {
        effects.add(new MayChange(new Exact("/home"), true));
        optionValue(args, "-d", "--home-dir")
            .ifPresent(d -> effects.add(new MayChange(target(d), true)));
        optionValue(args, "-h", "--home")
            .ifPresent(d -> effects.add(new MayChange(target(d), true)));
      }
    }

    private void git(List<Word> args) {
      List<Word> ops =
          operands(
              args,
              Set.of("-C", "-c", "-b", "--branch", "--depth", "-o", "--origin", "-j", "--jobs"));
      if (!ops.isEmpty() && ops.get(0).text().equals("clone")) {
        if (ops.size() >= 3) {
          effects.add(new MayChange(target(ops.get(2)), true));
        } else {
          effects.add(new MayChange(target(new Word(".", "\\.", true)), true));
        }
        return;
      }
      effects.add(new MayChange(target(new Word(".", "\\.", true)), true));
    }
  }
}
