package dev.dockerlint.imagefs;

import dev.dockerlint.context.BuildContext;
import dev.dockerlint.context.Chmod;
import dev.dockerlint.context.ContextEntry;
import dev.dockerlint.context.ContextFiles;
import dev.dockerlint.context.ContextProblem;
import dev.dockerlint.context.CopyDestination;
import dev.dockerlint.context.CopyPlan;
import dev.dockerlint.context.CopyRequest;
import dev.dockerlint.context.CopySource;
import dev.dockerlint.context.DockerIgnore;
import dev.dockerlint.context.EntryType;
import dev.dockerlint.context.Listing;
import dev.dockerlint.context.SourceResolution;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.filefacts.FileKind;
import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.grammar.shell.ShellLexException;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.imagefs.FsState.Present;
import dev.dockerlint.imagefs.FsState.Unknown;
import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Scope;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.SemanticModel.StageReference;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.Word;
import dev.dockerlint.syntax.WorkdirInstruction;
import dev.dockerlint.util.Derived;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a Dockerfile puts into the filesystem of each of its stages, instruction by instruction:
 * files copied from the build context (resolved like BuildKit, {@code .dockerignore} applied,
 * placed by {@link CopyDestination}), heredocs, {@code COPY --from} another stage or image, ADD
 * downloads, WORKDIR directories and what RUN does as far as {@link RunEffects} can tell. Rules ask
 * a {@link StageFs} "what is at this path here?" and get present, absent or unknown.
 *
 * <p>Without a build context every context copy is unknown, so nothing is concluded about those
 * files; without an image source the base image's files are unknown, so only {@code FROM scratch}
 * stages (and what they pass on) can lack a file for sure.
 *
 * <p>Built once per lint run and shared by the rules that need it ({@link #of}).
 */
public final class ImageFs {

  /** A COPY or ADD source of the build context that cannot be copied as written. */
  public record SourceIssue(Instruction instruction, Word source, ContextProblem problem) {}

  private static final String MARK = "\u0001";

  private static final Pattern ONLY_HEREDOC = Pattern.compile("<<-?[\"']?[A-Za-z0-9_.-]+[\"']?");
  private static final Pattern HTTP = Pattern.compile("(?i)https?://.*");
  private static final Pattern GIT_URL = Pattern.compile("(?i)[a-z]+://.*\\.git(#.*)?");
  private static final Pattern SSH_URL = Pattern.compile("(?i)ssh://.*");
  private static final Pattern WILDCARD = Pattern.compile(".*[*?\\[].*");

  private final LintInput input;
  private final SemanticModel model;
  private final Optional<BuildContext> context;
  private final Map<Stage, StageFs> stages = new IdentityHashMap<>();
  private final List<SourceIssue> issues = new ArrayList<>();
  private final ShellLex lex;
  private final Derived derived = new Derived();

  private ImageFs(LintInput input) {
    this.input = input;
    this.model = input.model();
    this.lex = new ShellLex(input.file().escapeCharacter());
    this.context =
        input
            .contextDir()
            .filter(Files::isDirectory)
            .flatMap(dir -> openContext(dir, input.contextFiles()));
    for (Stage s : model.stages()) {
      stages.put(s, reused(s).orElseGet(() -> built(s)));
    }
  }

  /**
   * What building a stage's filesystem read besides the stage itself (its instructions and what the
   * semantic model knows of them): the filesystems of other stages, answers of the image source,
   * and whether a source was looked for in the build context (and whether there was one).
   */
  private static final class Reads {
    final List<StageFs> stages = new ArrayList<>();
    final Map<List<Object>, Lookup> images = new LinkedHashMap<>();
    final boolean hadContext;
    boolean askedContext;

    Reads(boolean hadContext) {
      this.hadContext = hadContext;
    }
  }

  /**
   * A stage's filesystem as one lint built it, kept for the next lint of the document under the
   * {@link Stage} object ({@link LintMemo#keyOf}).
   */
  private record Built(StageFs fs, Reads reads) {}

  /** The stage being built, with what it read so far. */
  private Reads reading;

  private StageFs built(Stage s) {
    reading = new Reads(context.isPresent());
    StageFs fs = build(s);
    input.memo().keep(LintMemo.keyOf(Built.class, s), new Built(fs, reading));
    reading = null;
    return fs;
  }

  /**
   * The filesystem the last lint of the document built for {@code s}, when building it again would
   * give the same: the Stage is the same object (same instructions, scopes, shells, workdirs and
   * users, see {@link SemanticModel#of(dev.dockerlint.syntax.Dockerfile,
   * dev.dockerlint.semantic.BuildOptions, SemanticModel)}), the other stages it read are the very
   * filesystems this run has for them, the image source answers as it did, and it looked for no
   * source in a build context (which may have changed on disk since). Problems with context sources
   * ({@link #sourceIssues}) come only from stages that read a build context, which are built
   * afresh.
   */
  private Optional<StageFs> reused(Stage s) {
    Optional<Built> kept = input.memo().find(LintMemo.keyOf(Built.class, s), Built.class);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    Reads r = kept.get().reads();
    if (r.askedContext && (r.hadContext || context.isPresent())) {
      return Optional.empty();
    }
    for (StageFs other : r.stages) {
      if (stages.get(other.stage()) != other) {
        return Optional.empty();
      }
    }
    for (Map.Entry<List<Object>, Lookup> e : r.images.entrySet()) {
      ImageRef ref = (ImageRef) e.getKey().get(0);
      Platform platform = (Platform) e.getKey().get(1);
      Lookup now = input.images().lookup(ref, platform, true);
      if (now != e.getValue() && !now.equals(e.getValue())) {
        return Optional.empty();
      }
    }
    return Optional.of(kept.get().fs());
  }

  /** The filesystem of another stage, for the one being built. */
  private StageFs read(Stage other) {
    StageFs fs = stages.get(other);
    if (reading != null) {
      reading.stages.add(fs);
    }
    return fs;
  }

  /** Asks the image source, for the stage being built. */
  private Lookup lookup(ImageRef ref, Platform platform) {
    Lookup l = input.images().lookup(ref, platform, true);
    if (reading != null) {
      reading.images.put(List.of(ref, platform), l);
    }
    return l;
  }

  /**
   * The model of one lint run; built on first use and shared by the rules of that run. It lives as
   * long as the input does, so an editor's stale versions are not kept.
   */
  public static ImageFs of(LintInput input) {
    return input.shared(ImageFs.class, () -> new ImageFs(input));
  }

  /**
   * The build context at {@code root} with its {@code .dockerignore}; empty when the ignore file
   * cannot be read, since then what the build may copy is not known (and the build itself fails).
   */
  private static Optional<BuildContext> openContext(Path root, ContextFiles files) {
    DockerIgnore ignore;
    try {
      ignore = DockerIgnore.parse(files.readString(root.resolve(".dockerignore")));
    } catch (NoSuchFileException e) {
      ignore = DockerIgnore.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(BuildContext.of(root, ignore, files));
  }

  /**
   * A value computed from this model once per lint run (e.g. the exec analysis all rules of the
   * family read).
   */
  public <T> T derived(String key, Supplier<T> compute) {
    return derived.get(key, compute);
  }

  /** The stages of the Dockerfile, in order. */
  public List<Stage> stages() {
    return model.stages();
  }

  public StageFs stage(Stage s) {
    return stages.get(s);
  }

  /** The build context, when one is known and is a directory. */
  public Optional<BuildContext> context() {
    return context;
  }

  /** Sources of COPY and ADD that the build context cannot provide as written. */
  public List<SourceIssue> sourceIssues() {
    return List.copyOf(issues);
  }

  // ------------------------------------------------------------------------------ stages

  private StageFs build(Stage s) {
    StageFs fs = base(s);
    SearchPath path = basePath(s);
    for (Instruction i : s.instructions()) {
      fs.mark(i, path);
      if (i instanceof CopyInstruction c) {
        copy(fs, i, c.words(), false);
      } else if (i instanceof AddInstruction a) {
        copy(fs, i, a.words(), true);
      } else if (i instanceof RunInstruction r) {
        run(fs, r);
      } else if (i instanceof WorkdirInstruction w && w.value().isPresent()) {
        String dir =
            SemanticModel.resolvePath(
                s.workdirFor(i),
                model
                    .expand(w.value().get().value(), s.scopeBefore(i))
                    .orElse(w.value().get().value()));
        Set<String> dirs = new HashSet<>(FsPaths.ancestors(dir));
        dirs.add(dir);
        fs.add(new FsOp.Place(Map.of(), dirs, origin(i, "made by WORKDIR")));
      } else if (i instanceof EnvInstruction e) {
        path = env(s, e, path);
      }
    }
    fs.finish(path);
    return fs;
  }

  private static int line(Instruction i) {
    return i.range().start().line() + 1;
  }

  private static Origin origin(Instruction i, String what) {
    return Origin.of(Optional.of(i), what + " at line " + line(i));
  }

  private StageFs base(Stage s) {
    Base b = s.base();
    if (b instanceof Base.Scratch) {
      return new StageFs(
          s,
          FsView.empty("FROM scratch starts with an empty filesystem"),
          "FROM scratch",
          Optional.of(List.of()),
          UserSpec.root());
    }
    if (b instanceof Base.StageBase sb) {
      StageFs parent = read(model.stages().get(sb.stageIndex()));
      Stage p = parent.stage();
      return new StageFs(
          s,
          parent.atEnd(),
          "stage " + p.displayName(),
          parent.baseEntrypoint(),
          parent.finalUser());
    }
    Base.ImageBase ib = (Base.ImageBase) b;
    Optional<ImageInfo> info = image(ib, s.platform());
    String name = ib.ref().map(Object::toString).orElse(ib.text());
    if (info.isEmpty()) {
      return new StageFs(
          s,
          FsView.unknown("the files of the base image " + name + " are not known"),
          "the image " + name,
          Optional.empty(),
          UserSpec.unknown());
    }
    ImageConfig config = info.get().config();
    FsView view =
        info.get()
            .files()
            .map(f -> FsView.of(f, name))
            .orElse(FsView.unknown("the files of the base image " + name + " are not known"));
    return new StageFs(
        s,
        view,
        "the image " + name,
        Optional.of(config.entrypoint().orElse(List.of())),
        config.user().map(UserSpec::parse).orElse(UserSpec.root()));
  }

  private Optional<ImageInfo> image(Base.ImageBase ib, Optional<Platform> platform) {
    if (ib.ref().isEmpty() || !ib.complete() || platform.isEmpty()) {
      return Optional.empty();
    }
    Lookup l = lookup(ib.ref().get(), platform.get());
    return l instanceof Lookup.Found f ? Optional.of(f.image()) : Optional.empty();
  }

  private SearchPath basePath(Stage s) {
    Base b = s.base();
    if (b instanceof Base.Scratch) {
      return SearchPath.defaultPath();
    }
    if (b instanceof Base.StageBase sb) {
      return read(model.stages().get(sb.stageIndex())).finalPath();
    }
    Optional<ImageInfo> info = image((Base.ImageBase) b, s.platform());
    if (info.isEmpty()) {
      return SearchPath.unknown();
    }
    String p = info.get().config().envMap().get("PATH");
    return p == null ? SearchPath.defaultPath() : SearchPath.parse(p);
  }

  /** The PATH after an ENV instruction; {@code $PATH} in the value stands for {@code before}. */
  private SearchPath env(Stage s, EnvInstruction e, SearchPath before) {
    SearchPath path = before;
    Scope scope = s.scopeBefore(e);
    for (KeyValue kv : e.pairs()) {
      String key = model.expand(kv.key().value(), scope).orElse(kv.key().value());
      if (!key.equals("PATH")) {
        continue;
      }
      Scope current = scope;
      ShellLex.Env env =
          new ShellLex.Env() {
            @Override
            public Optional<String> get(String name) {
              if (name.equals("PATH")) {
                return Optional.of(MARK + "PATH" + MARK);
              }
              Optional<String> v = current.get(name);
              return v.isPresent() ? v : Optional.of(MARK + name + MARK);
            }

            @Override
            public Collection<String> keys() {
              Set<String> k = new LinkedHashSet<>(current.keys());
              k.add("PATH");
              return k;
            }
          };
      String value;
      try {
        value = lex.processWord(kv.value().value(), env).result();
      } catch (ShellLexException ex) {
        return SearchPath.unknown();
      }
      List<Optional<String>> entries = new ArrayList<>();
      for (String part : value.split(":", -1)) {
        if (part.equals(MARK + "PATH" + MARK)) {
          entries.addAll(path.entries());
        } else if (part.contains(MARK)) {
          entries.add(Optional.empty());
        } else {
          entries.add(Optional.of(part.isEmpty() ? "." : part));
        }
      }
      path = new SearchPath(entries);
    }
    return path;
  }

  // ------------------------------------------------------------------------------ RUN

  private static final Set<String> POSIX_SHELLS =
      Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox");

  /** The targets of a RUN's {@code --mount}s, absolute. */
  private List<String> mountTargets(Stage s, RunInstruction r) {
    List<String> out = new ArrayList<>();
    for (dev.dockerlint.syntax.Flag f : r.flags("mount")) {
      String value = expand(r, s, f.valueOrEmpty());
      for (String part : value.split(",")) {
        int eq = part.indexOf('=');
        String key = eq < 0 ? part : part.substring(0, eq).trim();
        if (eq > 0 && (key.equals("target") || key.equals("dst") || key.equals("destination"))) {
          out.add(FsPaths.absolute(s.workdirFor(r), part.substring(eq + 1).trim()));
        }
      }
    }
    return out;
  }

  private void run(StageFs fs, RunInstruction r) {
    Stage s = fs.stage();
    fs.mounts(r, mountTargets(s, r));
    FsView before = fs.before(r);
    String workdir = s.workdirFor(r);
    Scope scope = s.scopeBefore(r);
    Optional<Command> command = r.command();
    if (command.isEmpty()) {
      return;
    }
    if (command.get() instanceof Command.ExecForm ex) {
      List<String> argv = ex.arguments().stream().map(Word::value).toList();
      fs.add(RunEffects.ofArgv(r, argv, workdir, scope::get, before, input.memo()));
      return;
    }
    List<String> shell = s.shellFor(r);
    String shellName = shell.isEmpty() ? "" : FsPaths.name(FsPaths.clean(shell.get(0)));
    String text = ((Command.ShellForm) command.get()).text().value();
    if (!POSIX_SHELLS.contains(shellName)) {
      fs.add(
          RunEffects.ofArgv(
              r,
              List.of(shell.isEmpty() ? "?" : shell.get(0)),
              workdir,
              scope::get,
              before,
              input.memo()));
      return;
    }
    String script = text;
    if (!r.heredocs().isEmpty() && ONLY_HEREDOC.matcher(text.trim()).matches()) {
      Heredoc h = r.heredocs().get(0);
      script = h.effectiveContent();
      if (script.startsWith("#!") && !isShellShebang(script)) {
        fs.add(RunEffects.ofArgv(r, List.of("#!"), workdir, scope::get, before, input.memo()));
        return;
      }
    }
    fs.add(RunEffects.ofScript(r, script, workdir, scope::get, before, input.memo()));
  }

  private static boolean isShellShebang(String script) {
    String first = script.lines().findFirst().orElse("");
    String[] parts = first.substring(2).trim().split("\\s+");
    String interp = FsPaths.name(parts[0]);
    if (interp.equals("env") && parts.length > 1) {
      interp = parts[parts.length - 1];
    }
    return POSIX_SHELLS.contains(interp);
  }

  // ------------------------------------------------------------------------------ COPY, ADD

  private String expand(Instruction i, Stage s, String text) {
    return model.expand(text, s.scopeBefore(i)).orElse(text);
  }

  private boolean complete(Instruction i, Stage s, String text) {
    return model
        .expandWithMatches(text, s.scopeBefore(i))
        .map(r -> r.unmatched().isEmpty())
        .orElse(false);
  }

  /** What one COPY or ADD adds: placements, mirrored trees and directories. */
  private final class Copy {
    final StageFs fs;
    final Instruction i;
    final Stage s;
    final String dest;
    final String destWritten;
    final boolean destIsDir;
    final boolean ambiguous;
    final Optional<String> chmodText;
    final Optional<Chmod> chmod;
    final Optional<String> chown;
    final Map<String, FsNode> nodes = new LinkedHashMap<>();
    final Set<String> dirs = new HashSet<>();
    final List<FsOp> mirrors = new ArrayList<>();
    final int sourceCount;

    Copy(StageFs fs, Instruction i, String destWritten, int sourceCount) {
      this.fs = fs;
      this.i = i;
      this.s = fs.stage();
      this.destWritten = destWritten;
      this.sourceCount = sourceCount;
      String abs = CopyDestination.absolute(s.workdirFor(i), destWritten);
      this.dest = FsPaths.clean(abs);
      boolean slash = abs.endsWith("/") || abs.endsWith("/.");
      FsState at = fs.before(i).resolve(dest);
      this.destIsDir =
          slash || sourceCount > 1 || (at instanceof Present p && p.node().isDirectory());
      this.ambiguous = !destIsDir && at instanceof Unknown;
      this.chmodText = i.flag("chmod").map(f -> expand(i, s, f.valueOrEmpty()));
      this.chmod = chmodText.map(Chmod::parse).filter(c -> c.error().isEmpty());
      this.chown = i.flag("chown").map(f -> expand(i, s, f.valueOrEmpty()));
      dirs.addAll(FsPaths.ancestors(dest));
      if (destIsDir) {
        dirs.add(dest);
      }
    }

    /** Places one file named {@code name} (a heredoc, a download, a file of another stage). */
    void file(String name, FsNode node) {
      if (destIsDir) {
        put(FsPaths.join(dest, name), node);
      } else if (ambiguous) {
        String why = "if " + dest + " is not a directory in the base image";
        put(dest, node.withOrigin(node.origin().conditional(why)));
        String inside = FsPaths.join(dest, name);
        put(inside, node.withOrigin(node.origin().conditional("if " + dest + " is a directory")));
      } else {
        put(dest, node);
      }
    }

    void put(String target, FsNode node) {
      FsNode n = node.at(target);
      if (n.kind() != FsNode.Kind.SYMLINK) {
        if (chmod.isPresent()) {
          int m = n.mode().orElse(0);
          n = n.withMode(OptionalInt.of(chmod.get().apply(m, n.isDirectory())));
        }
        if (chown.isPresent()) {
          n = n.withOwner(chown);
        }
      }
      nodes.put(target, n);
      dirs.addAll(FsPaths.ancestors(target));
    }

    /**
     * Contents of the copy that are not known. A path that was absent is then absent unless this
     * copy put it there, but a copy to {@code /} (a root filesystem) may bring anything, and a
     * single source copied to a file path surely creates it.
     */
    void unknown(String why) {
      mirrors.add(
          FsOp.Mirror.unknown(
              dest,
              why,
              dest.equals("/") ? Optional.empty() : Optional.of(i),
              sourceCount == 1 && !destIsDir && !ambiguous));
    }

    void mirror(FsView source, String root) {
      // Captures no Copy (nor ImageFs): a stage's filesystem outlives the lint that built it.
      Instruction i = this.i;
      Optional<Chmod> chmod = this.chmod;
      Optional<String> chown = this.chown;
      UnaryOperator<FsNode> t =
          n -> {
            FsNode out = n.withOrigin(origin(i, "copied from " + root + " of another stage"));
            if (chmod.isPresent() && !n.isSymlink()) {
              out =
                  out.withMode(
                      OptionalInt.of(chmod.get().apply(n.mode().orElse(0), n.isDirectory())));
            }
            return chown.isPresent() ? out.withOwner(chown) : out.withOwner(Optional.empty());
          };
      mirrors.add(
          new FsOp.Mirror(
              dest,
              Optional.of(source),
              root,
              t,
              "copied from another stage",
              Optional.empty(),
              false));
    }

    void finish() {
      mirrors.forEach(fs::add);
      fs.add(new FsOp.Place(nodes, dirs, origin(i, "made by " + i.kind())));
    }
  }

  private void copy(StageFs fs, Instruction i, List<Word> words, boolean add) {
    if (words.size() < 2) {
      return;
    }
    Stage s = fs.stage();
    List<Word> sources = words.subList(0, words.size() - 1);
    String destText = words.get(words.size() - 1).value();
    Copy c = new Copy(fs, i, expand(i, s, destText), sources.size());
    boolean parents = i.flag("parents").isPresent();
    Optional<FsView> from = Optional.empty();
    boolean hasFrom = i.flag("from").isPresent();
    if (hasFrom) {
      from = fromView(i, s);
    }
    List<CopySource> contextSources = new ArrayList<>();
    boolean contextUnknown = false;
    for (Word w : sources) {
      Optional<Heredoc> heredoc = heredoc(i, w);
      if (heredoc.isPresent()) {
        Heredoc h = heredoc.get();
        byte[] bytes = h.effectiveContent().getBytes(StandardCharsets.UTF_8);
        c.file(
            h.name(),
            new FsNode(
                c.dest,
                FsNode.Kind.FILE,
                OptionalInt.of(0644),
                Optional.of("0:0"),
                Optional.empty(),
                Content.of(bytes),
                new Origin(
                    Optional.of(i),
                    "written from the heredoc <<" + h.name() + " at line " + line(i),
                    Optional.empty(),
                    Optional.of(h),
                    sources.size() == 1,
                    Optional.empty())));
        continue;
      }
      if (!complete(i, s, w.value())) {
        c.unknown("the source " + w.value() + " holds a variable without a value");
        continue;
      }
      String src = expand(i, s, w.value());
      if (hasFrom) {
        fromSource(c, from, src);
      } else if (add && HTTP.matcher(src).matches()) {
        url(c, src, sources.size() == 1);
      } else if (add && isGit(src)) {
        c.unknown("a git repository is copied");
      } else if (context.isEmpty()) {
        reading.askedContext = true;
        c.unknown("the build context is not known");
      } else if (i.flag("exclude").isPresent()) {
        contextSource(c, i, w, src, parents, add, new ArrayList<>());
        c.unknown("COPY --exclude leaves out files dockerlint does not follow");
      } else {
        contextUnknown |= !contextSource(c, i, w, src, parents, add, contextSources);
      }
    }
    if (!contextSources.isEmpty()) {
      place(c, i, contextSources, parents, sources.size() == 1);
    }
    if (contextUnknown) {
      c.unknown("not all of the copied files could be read");
    }
    c.finish();
  }

  private Optional<Heredoc> heredoc(Instruction i, Word w) {
    String v = w.value();
    if (!v.startsWith("<<")) {
      return Optional.empty();
    }
    String name = v.replaceFirst("^<<-?", "").replace("\"", "").replace("'", "");
    return i.heredocs().stream().filter(h -> h.name().equals(name)).findFirst();
  }

  private static boolean isGit(String src) {
    return src.startsWith("git@")
        || src.startsWith("git://")
        || GIT_URL.matcher(src).matches()
        || SSH_URL.matcher(src).matches();
  }

  private Optional<FsView> fromView(Instruction i, Stage s) {
    for (StageReference r : model.stageReferences()) {
      if (r.instruction() == i && r.flag().name().equals("from")) {
        if (r.stage().isPresent()) {
          return Optional.of(read(r.stage().get()).atEnd());
        }
        return ImageRef.parse(r.value())
            .flatMap(
                ref ->
                    s.platform()
                        .map(p -> lookup(ref, p))
                        .filter(l -> l instanceof Lookup.Found)
                        .flatMap(l -> ((Lookup.Found) l).image().files())
                        .map(f -> FsView.of(f, ref.toString())));
      }
    }
    return Optional.empty();
  }

  private void fromSource(Copy c, Optional<FsView> from, String src) {
    if (from.isEmpty()) {
      c.unknown("the files of the --from source are not known");
      return;
    }
    if (WILDCARD.matcher(src).matches()) {
      c.unknown("a wildcard source of another stage is copied");
      return;
    }
    String path = FsPaths.clean(src);
    FsState st = from.get().resolve(path);
    if (st instanceof Present p && p.node().isDirectory()) {
      c.mirror(from.get(), p.node().path());
    } else if (st instanceof Present p) {
      FsNode n =
          p.node()
              .withOwner(Optional.empty())
              .withOrigin(
                  new Origin(
                      Optional.of(c.i),
                      "copied from " + path + " of another stage at line " + line(c.i),
                      Optional.empty(),
                      Optional.empty(),
                      c.sourceCount == 1,
                      Optional.empty()));
      c.file(FsPaths.name(path), n);
    } else {
      c.unknown("what " + path + " is in the --from source is not known");
    }
  }

  private void url(Copy c, String url, boolean single) {
    String file = url.replaceFirst("[?#].*$", "").replaceFirst("^[a-zA-Z]+://[^/]*", "");
    String name = FsPaths.name(FsPaths.clean(file));
    c.file(
        name.isEmpty() ? "__unnamed__" : name,
        new FsNode(
            c.dest,
            FsNode.Kind.FILE,
            OptionalInt.of(0600),
            Optional.of("0:0"),
            Optional.empty(),
            Content.unknown(),
            new Origin(
                Optional.of(c.i),
                "downloaded from "
                    + url
                    + " by ADD at line "
                    + line(c.i)
                    + ", which always gives mode 0600",
                Optional.empty(),
                Optional.empty(),
                single,
                Optional.empty())));
  }

  /**
   * Resolves one context source, recording problems; false when its files cannot all be known (the
   * copy is then unknown at the destination).
   */
  private boolean contextSource(
      Copy c,
      Instruction i,
      Word w,
      String src,
      boolean parents,
      boolean add,
      List<CopySource> out) {
    reading.askedContext = true;
    BuildContext ctx = context.get();
    SourceResolution res = parents ? ctx.resolveParents(src) : ctx.resolve(src);
    for (ContextProblem p : res.problems()) {
      issues.add(new SourceIssue(i, w, p));
    }
    if (res.failsBuild()) {
      return false;
    }
    boolean known = true;
    for (ContextEntry e : res.matches()) {
      List<ContextEntry> inside = List.of();
      if (e.type() == EntryType.DIRECTORY) {
        Listing l = ctx.contents(e);
        for (ContextProblem p : l.problems()) {
          issues.add(new SourceIssue(i, w, p));
        }
        known &= !l.truncated() && l.problems().isEmpty();
        inside = l.entries();
      }
      for (ContextEntry f : concat(e, inside)) {
        if (f.type() == EntryType.FILE
            && !ctx.files().readable(ctx.root().resolve(f.resolvedPath()))) {
          issues.add(
              new SourceIssue(
                  i,
                  w,
                  new ContextProblem(
                      ContextProblem.Kind.UNREADABLE,
                      f.path(),
                      "cannot read '" + f.path() + "': permission denied; the build fails")));
          known = false;
        }
        if (add && f.type() == EntryType.FILE && mayBeArchive(f)) {
          known = false;
        }
      }
      out.add(new CopySource(src, e, inside));
    }
    return known;
  }

  private static List<ContextEntry> concat(ContextEntry e, List<ContextEntry> inside) {
    List<ContextEntry> all = new ArrayList<>();
    all.add(e);
    all.addAll(inside);
    return all;
  }

  /** ADD unpacks local tar archives (plain or compressed); they look like binary data. */
  private static boolean mayBeArchive(ContextEntry f) {
    Optional<FileFacts> facts = f.facts();
    return facts.isEmpty() || facts.get().kind() == FileKind.BINARY;
  }

  private void place(
      Copy c, Instruction i, List<CopySource> sources, boolean parents, boolean single) {
    Set<String> existing = c.destIsDir ? Set.of(c.dest) : Set.of();
    CopyRequest request =
        new CopyRequest(
            sources,
            c.destWritten,
            c.s.workdirFor(i),
            c.chmodText.filter(t -> c.chmod.isPresent()),
            c.chown,
            parents,
            existing);
    CopyPlan plan = CopyDestination.plan(request);
    Map<String, CopyPlan.Placement> placed = new LinkedHashMap<>();
    plan.placements().forEach(p -> placed.put(p.target(), p));
    Map<String, String> conditions = new HashMap<>();
    if (c.ambiguous) {
      CopyPlan alt = CopyDestination.plan(request.withExistingDirectories(Set.of(c.dest)));
      for (CopyPlan.Placement p : alt.placements()) {
        if (!placed.containsKey(p.target())) {
          placed.put(p.target(), p);
          conditions.put(p.target(), "if " + c.dest + " is a directory in the base image");
        }
      }
      for (CopyPlan.Placement p : plan.placements()) {
        if (alt.at(p.target()).isEmpty()) {
          conditions.put(p.target(), "if " + c.dest + " is not a directory in the base image");
        }
      }
    }
    boolean oneFile =
        single && sources.size() == 1 && sources.get(0).entry().type() == EntryType.FILE;
    for (CopyPlan.Placement p : placed.values()) {
      ContextEntry e = p.source();
      FsNode.Kind kind =
          switch (p.type()) {
            case DIRECTORY -> FsNode.Kind.DIRECTORY;
            case SYMLINK -> FsNode.Kind.SYMLINK;
            default -> FsNode.Kind.FILE;
          };
      Origin o =
          new Origin(
              Optional.of(i),
              "copied from '" + e.path() + "' in the build context at line " + line(i),
              Optional.of(e.path()),
              Optional.empty(),
              oneFile,
              Optional.ofNullable(conditions.get(p.target())));
      FsNode n =
          new FsNode(
              p.target(),
              kind,
              OptionalInt.of(p.mode()),
              Optional.of(p.chown().orElse("0:0")),
              kind == FsNode.Kind.SYMLINK ? e.linkTarget() : Optional.empty(),
              kind == FsNode.Kind.FILE ? Content.of(e) : Content.unknown(),
              o);
      c.nodes.put(p.target(), n);
      c.dirs.addAll(FsPaths.ancestors(p.target()));
    }
  }
}
