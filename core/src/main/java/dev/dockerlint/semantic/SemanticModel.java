package dev.dockerlint.semantic;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.grammar.shell.ShellLexException;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.CmdInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.EntrypointInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.HealthcheckInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.LineShift;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.ShellInstruction;
import dev.dockerlint.syntax.UserInstruction;
import dev.dockerlint.syntax.WorkdirInstruction;
import dev.dockerlint.util.Derived;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What a Dockerfile means for one build: its stages (base, platform), the ARG and ENV variables
 * each instruction sees (BuildKit's scoping and expansion), the SHELL, WORKDIR and USER in force,
 * and how stages refer to each other. Rules read facts from here instead of re-deriving them.
 *
 * <p>Scoping follows the Dockerfile reference: ARGs before the first FROM are global and only
 * visible in FROM lines unless a stage re-declares them; ARGs and ENVs of a stage are visible from
 * their declaration on; ENV shadows ARG; a stage based on another inherits its ENV, not its ARGs.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#scope">ARG scope</a>
 * @see <a
 *     href="https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope">Automatic
 *     platform ARGs</a>
 */
public final class SemanticModel {

  /** The automatic platform ARGs BuildKit defines in the global scope. */
  public static final Set<String> AUTOMATIC_ARGS =
      Set.of(
          "TARGETPLATFORM",
          "TARGETOS",
          "TARGETARCH",
          "TARGETVARIANT",
          "BUILDPLATFORM",
          "BUILDOS",
          "BUILDARCH",
          "BUILDVARIANT");

  /** A stage reference from {@code COPY --from} or {@code RUN --mount=from=}. */
  public record StageReference(
      Instruction instruction, Flag flag, String value, Optional<Stage> stage) {}

  private final Dockerfile file;
  private final BuildOptions options;
  private final ShellLex lex;
  private final ExpandedWords words;
  private final Scope automatic;
  private Scope global;
  private final List<Instruction> globalArgs = new ArrayList<>();
  private final List<Stage> stages = new ArrayList<>();

  /** The first and the last stage of each (lower-case) name, among the stages built so far. */
  private final Map<String, Stage> firstNamed = new HashMap<>();

  private final Map<String, Stage> lastNamed = new HashMap<>();
  private final Map<Instruction, Stage> stageOf;
  private final List<StageReference> references = new ArrayList<>();

  /**
   * The stages and stage references once built ({@link #stages}, {@link #stageReferences}), and the
   * stages the final stage needs, once asked.
   */
  private List<Stage> stageList;

  private List<StageReference> referenceList;

  private volatile Set<Stage> needed;

  /** The stages of the previous version that stages of this one are moved copies of. */
  private final Map<Stage, Stage.Moved> moved = new IdentityHashMap<>();

  /** Values computed from this model alone, once (see {@link #derived}). */
  private final Derived derived = new Derived();

  private SemanticModel(Dockerfile file, BuildOptions options, Optional<ExpandedWords> earlier) {
    this.file = file;
    this.options = options;
    // every instruction of a stage is put in: sized once instead of growing on every keystroke
    this.stageOf = new IdentityHashMap<>(file.instructions().size());
    this.lex = new ShellLex(file.escapeCharacter());
    this.words = earlier.map(w -> w.next(lex)).orElseGet(() -> ExpandedWords.of(lex));
    this.automatic = automaticArgs(options);
    this.global = automatic;
  }

  public static SemanticModel of(Dockerfile file, BuildOptions options) {
    SemanticModel m = new SemanticModel(file, options, Optional.empty());
    m.build(0, Later.NONE);
    return m;
  }

  /**
   * The model of {@code file}, sharing with {@code previous} (the model of an earlier version of
   * the same document) the stages that did not change: an edit in one stage of a long file then
   * rebuilds that stage and the ones after it, not those before it.
   *
   * <p>What this model knows of a stage is a function of the build options, the escape character
   * and the instructions from the start of the file to the end of the stage (a stage sees only
   * global ARGs and earlier stages). So a stage of {@code previous} is taken over, {@link Stage}
   * object and all, when the options and escape character are equal and every instruction up to the
   * FROM that ends the stage is the very same object in both files (an incremental parse keeps the
   * instructions before an edit as they were). The stages after it are built again, but a word that
   * {@code previous} expanded is expanded again only when a variable it read has another value now
   * (see {@link ExpandedWords}).
   */
  public static SemanticModel of(Dockerfile file, BuildOptions options, SemanticModel previous) {
    return of(file, options, previous, LineShift.NONE);
  }

  /**
   * Like {@link #of(Dockerfile, BuildOptions, SemanticModel)}, for a file whose instructions from
   * some index on are those of {@code previous}'s file moved by a number of lines ({@code shift}):
   * an edit that added or removed lines above them. A stage among them cannot be taken over (its
   * instructions are other objects), so it is built again; when it would have been taken over had
   * it not moved, the new stage is recorded as a moved copy of the old one ({@link #movedFrom}), so
   * that what was found in the old one can be moved along instead of being found again.
   */
  public static SemanticModel of(
      Dockerfile file, BuildOptions options, SemanticModel previous, LineShift shift) {
    SemanticModel m = new SemanticModel(file, options, Optional.of(previous.words));
    int start = m.takeOver(previous);
    m.build(start, m.global == previous.global ? Later.of(previous, shift) : Later.NONE);
    return m;
  }

  /**
   * The stage of the previous version (the model this one was made from) that {@code s} is a copy
   * of moved by whole lines, equal to it in everything else: same instructions but for their lines,
   * same index, based on and copying from the same stages (or their moved copies) and images, with
   * the same global ARGs. Empty for a stage taken over (the very same object) or built anew.
   */
  public Optional<Stage.Moved> movedFrom(Stage s) {
    return Optional.ofNullable(moved.get(s));
  }

  /** The stage of the previous version {@code s} stands for: itself, or the one it moved from. */
  private Stage counterpart(Stage s) {
    Stage.Moved m = moved.get(s);
    return m == null ? s : m.was();
  }

  /**
   * The stages of the previous version that may be taken over after the edited one: by their FROM
   * instruction, with the stage references of each.
   */
  private record Later(
      List<Stage> stages,
      Map<Instruction, Stage> byFrom,
      Map<Stage, List<StageReference>> references,
      List<Instruction> before,
      LineShift shift) {
    static final Later NONE = new Later(List.of(), Map.of(), Map.of(), List.of(), LineShift.NONE);

    static Later of(SemanticModel previous, LineShift shift) {
      Map<Instruction, Stage> byFrom = new IdentityHashMap<>();
      Map<Stage, List<StageReference>> refs = new IdentityHashMap<>();
      for (Stage s : previous.stages) {
        byFrom.put(s.from(), s);
      }
      for (StageReference r : previous.references) {
        Stage s = previous.stageOf.get(r.instruction());
        if (s != null) {
          refs.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
      }
      return new Later(
          List.copyOf(previous.stages), byFrom, refs, previous.file.instructions(), shift);
    }
  }

  /**
   * Takes over the leading stages of {@code previous} that are unchanged (see {@link
   * #of(Dockerfile, BuildOptions, SemanticModel)}); returns the index of the first instruction
   * still to build.
   */
  private int takeOver(SemanticModel previous) {
    if (!previous.options.equals(options)
        || previous.file.escapeCharacter() != file.escapeCharacter()
        || previous.stages.isEmpty()) {
      return 0;
    }
    List<Instruction> now = file.instructions();
    List<Instruction> was = previous.file.instructions();
    int same = 0;
    int max = Math.min(now.size(), was.size());
    while (same < max && now.get(same) == was.get(same)) {
      same++;
    }
    int at = previous.globalArgsEnd();
    int kept = 0;
    for (Stage s : previous.stages) {
      int end = at + 1 + s.instructions.size();
      boolean endsInside = end < same || (end == same && same == was.size() && same == now.size());
      if (was.get(at) != s.from() || !endsInside) {
        break;
      }
      kept++;
      at = end;
    }
    int globalEnd = previous.globalArgsEnd();
    if (kept == 0
        && !(globalEnd <= same
            && globalEnd < now.size()
            && now.get(globalEnd) instanceof FromInstruction)) {
      return 0;
    }
    // the global ARGs are unchanged: their scope is kept, and so is any stage after the edit that
    // depends on nothing the edit changed (see build)
    global = previous.global;
    globalArgs.addAll(previous.globalArgs);
    if (kept == 0) {
      return globalEnd;
    }
    for (Stage s : previous.stages.subList(0, kept)) {
      added(s);
      stageOf.put(s.from(), s);
      for (Instruction i : s.instructions) {
        stageOf.put(i, s);
      }
    }
    for (StageReference r : previous.references) {
      if (stageOf.containsKey(r.instruction())) {
        references.add(r);
      }
    }
    return at;
  }

  /** The index of the first FROM (the instructions before it are global). */
  private int globalArgsEnd() {
    List<Instruction> all = file.instructions();
    int k = 0;
    while (k < all.size() && !(all.get(k) instanceof FromInstruction)) {
      k++;
    }
    return k;
  }

  public Dockerfile file() {
    return file;
  }

  /**
   * A value that is a function of this model and {@code key} alone (a stage's RUN scripts, say),
   * computed the first time it is asked for and shared by whoever asks after: the command line
   * reads a file's scripts ahead of its lint for ShellCheck, and its rules read them again. Two
   * threads asking at once may both compute it; one value is kept.
   */
  public <T> T derived(Object key, Supplier<T> compute) {
    return derived.get(key, compute);
  }

  public BuildOptions options() {
    return options;
  }

  public List<Stage> stages() {
    return stageList;
  }

  /** The last stage (or the {@code --target} stage): what the build produces. */
  public Optional<Stage> finalStage() {
    if (options.targetStage().isPresent()) {
      Optional<Stage> t = stageNamed(options.targetStage().get());
      if (t.isPresent()) {
        return t;
      }
    }
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }

  /** The stage an instruction belongs to (FROM included); empty for global ARGs. */
  public Optional<Stage> stageOf(Instruction i) {
    return Optional.ofNullable(stageOf.get(i));
  }

  /** ARG instructions before the first FROM. */
  public List<Instruction> globalArgs() {
    return List.copyOf(globalArgs);
  }

  /** The global scope: automatic platform ARGs and global ARGs (what FROM lines see). */
  public Scope globalScope() {
    return global;
  }

  /** Variables visible to {@code i}: a stage's scope, or the global scope before any stage. */
  public Scope scopeBefore(Instruction i) {
    Stage s = stageOf.get(i);
    if (s == null || i instanceof FromInstruction) {
      return s == null ? global : s.scopeBefore(i);
    }
    return s.scopeBefore(i);
  }

  /** A stage by name (case-insensitive) or by index. */
  public Optional<Stage> stageNamed(String nameOrIndex) {
    String n = nameOrIndex.toLowerCase(Locale.ROOT);
    for (Stage s : stages) {
      if (s.name().filter(n::equals).isPresent()) {
        return Optional.of(s);
      }
    }
    OptionalInt i = stageIndex(n);
    if (i.isPresent() && i.getAsInt() < stages.size()) {
      return Optional.of(stages.get(i.getAsInt()));
    }
    return Optional.empty();
  }

  /**
   * The stage index {@code value} names when it is all ASCII digits, as BuildKit reads a FROM or
   * {@code --from} value; empty otherwise, and for a number larger than any index can be (a name
   * then, like any other).
   */
  public static OptionalInt stageIndex(String value) {
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long n = 0;
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      n = Math.min(n * 10 + (c - '0'), Integer.MAX_VALUE + 1L);
    }
    return n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
  }

  /** Every {@code COPY --from}, {@code ADD --from} and {@code RUN --mount=...,from=}. */
  public List<StageReference> stageReferences() {
    return referenceList;
  }

  /** The automatic ARGs that describe the platform of the machine running the build. */
  public static final Set<String> BUILD_PLATFORM_ARGS =
      Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

  /** The earlier stage {@code s} is based on ({@code FROM <stage>}), if any. */
  public Optional<Stage> baseStage(Stage s) {
    return s.base() instanceof Base.StageBase b
        ? Optional.of(stages.get(b.stageIndex()))
        : Optional.empty();
  }

  /** {@code s} followed by the stages it is built on, nearest first. */
  public List<Stage> lineage(Stage s) {
    List<Stage> out = new ArrayList<>();
    for (Optional<Stage> at = Optional.of(s); at.isPresent(); at = baseStage(at.get())) {
      out.add(at.get());
    }
    return out;
  }

  /**
   * The stage whose {@code FROM --platform} decides the platform of {@code s}: {@code s} itself
   * when its FROM has the flag, else the nearest base stage with one. Empty when the platform is
   * the build's target platform.
   */
  public Optional<Stage> platformOrigin(Stage s) {
    for (Stage at : lineage(s)) {
      if (at.platformSource() == Stage.PlatformSource.FLAG) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the platform of {@code s} is the build machine's: its {@code FROM --platform} (or that
   * of the stage it is based on) uses {@code $BUILDPLATFORM}, {@code $BUILDOS}, {@code $BUILDARCH}
   * or {@code $BUILDVARIANT}.
   */
  public boolean onBuildPlatform(Stage s) {
    return platformOrigin(s)
        .flatMap(o -> o.from().flag("platform"))
        .flatMap(f -> expandWithMatches(f.valueOrEmpty(), global))
        .map(r -> r.matched().stream().anyMatch(BUILD_PLATFORM_ARGS::contains))
        .orElse(false);
  }

  /**
   * Stages that are needed for the final stage (reachable through FROM and --from). Worked out once
   * per model: a dozen rules ask on every keystroke.
   */
  public Set<Stage> stagesNeededForFinal() {
    Set<Stage> n = needed;
    if (n == null) {
      n = java.util.Collections.unmodifiableSet(neededForFinal());
      needed = n;
    }
    return n;
  }

  private Set<Stage> neededForFinal() {
    Map<Stage, List<Stage>> copiesFrom = new IdentityHashMap<>();
    for (StageReference r : references) {
      Stage in = stageOf.get(r.instruction());
      if (in != null && r.stage().isPresent()) {
        copiesFrom.computeIfAbsent(in, k -> new ArrayList<>()).add(r.stage().get());
      }
    }
    Set<Stage> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.Deque<Stage> todo = new java.util.ArrayDeque<>();
    finalStage().ifPresent(todo::push);
    while (!todo.isEmpty()) {
      Stage s = todo.pop();
      if (!seen.add(s)) {
        continue;
      }
      if (s.base() instanceof Base.StageBase b) {
        todo.push(stages.get(b.stageIndex()));
      }
      copiesFrom.getOrDefault(s, List.of()).forEach(todo::push);
    }
    return seen;
  }

  /**
   * Expands variables in {@code text} like BuildKit does for the instruction's word (quotes
   * removed, unset variables empty). Empty when the text cannot be processed.
   */
  public Optional<String> expand(String text, Scope scope) {
    if (literal(text)) {
      return Optional.of(text); // what the lexer answers too, without its result's sets
    }
    try {
      return Optional.of(words.process(text, scope).result());
    } catch (ShellLexException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the lexer leaves {@code text} as it is: no {@code $}, {@code <}, quote or escape
   * character (the test {@link ShellLex#processWord} makes before lexing).
   */
  private boolean literal(String text) {
    int escape = lex.escapeToken();
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '$' || c == '<' || c == '\'' || c == '"' || c == escape) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #expand} but also the variables that had no value. */
  public Optional<ShellLex.Result> expandWithMatches(String text, Scope scope) {
    try {
      return Optional.of(words.process(text, scope));
    } catch (ShellLexException e) {
      return Optional.empty();
    }
  }

  /** The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK. */
  public static Optional<Command> commandOf(Instruction i) {
    if (i instanceof RunInstruction r) {
      return r.command();
    } else if (i instanceof CmdInstruction c) {
      return c.command();
    } else if (i instanceof EntrypointInstruction e) {
      return e.command();
    } else if (i instanceof ShellInstruction s) {
      return s.command();
    } else if (i instanceof HealthcheckInstruction h) {
      return h.command();
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------------- building

  private static Scope automaticArgs(BuildOptions o) {
    List<Variable> vs = new ArrayList<>(8);
    platformArgs(vs, "TARGET", o.targetPlatform());
    platformArgs(vs, "BUILD", o.buildPlatform());
    return Scope.empty().withAll(vs);
  }

  private static void platformArgs(List<Variable> vs, String prefix, Platform p) {
    vs.add(auto(prefix + "PLATFORM", p.toString()));
    vs.add(auto(prefix + "OS", p.os()));
    vs.add(auto(prefix + "ARCH", p.architecture()));
    vs.add(auto(prefix + "VARIANT", p.variant().orElse("")));
  }

  private static Variable auto(String name, String value) {
    return new Variable(name, Optional.of(value), Variable.Kind.AUTOMATIC, Optional.empty());
  }

  private List<String> defaultShell() {
    return options.targetPlatform().os().equals("windows")
        ? List.of("cmd", "/S", "/C")
        : List.of("/bin/sh", "-c");
  }

  /** Builds the stages from instruction {@code start} on (0, or the FROM of a stage). */
  private void build(int start, Later later) {
    Stage current = null;
    Scope scope = Scope.empty();
    List<String> shell = defaultShell();
    String workdir = "/";
    Optional<String> user = Optional.empty();
    List<Instruction> all = file.instructions();
    for (int k = start; k < all.size(); k++) {
      Instruction i = all.get(k);
      if (i instanceof FromInstruction from) {
        if (current != null) {
          close(current, scope, shell, workdir, user);
          current = null;
        }
        Stage kept = later.byFrom().get(from);
        if (kept != null && takesOver(kept, k, later)) {
          k += kept.instructions.size();
          continue;
        }
        Instruction wasFrom = later.shift().earlier(later.before(), k);
        Stage was = wasFrom == null ? null : later.byFrom().get(wasFrom);
        // checked before the stage is added: as the previous version had it at this point
        Stage.Moved movedFrom =
            was != null && isMovedCopy(was, k, later)
                ? new Stage.Moved(was, later.shift().lines())
                : null;
        current = newStage(from);
        if (movedFrom != null) {
          moved.put(current, movedFrom);
        }
        stageOf.put(from, current);
        current.scopes.put(from, global);
        scope = Scope.empty();
        shell = defaultShell();
        workdir = "/";
        user = Optional.empty();
        if (current.base() instanceof Base.StageBase b) {
          Stage parent = stages.get(b.stageIndex());
          scope = parent.finalScope().envOnly();
          shell = parent.finalShell();
          workdir = parent.finalWorkdir();
          user = parent.finalUser();
          current.inheritedEntrypoint = parent.entrypoint();
          current.inheritedCmd = parent.cmd();
        }
        continue;
      }
      if (current == null) {
        if (i instanceof dev.dockerlint.syntax.ArgInstruction a) {
          globalArgs.add(i);
          for (ArgDeclaration d : a.declarations()) {
            global = global.with(argVariable(d, i, global, true));
          }
        }
        continue;
      }
      stageOf.put(i, current);
      current.instructions.add(i);
      current.scopes.put(i, scope);
      current.shells.put(i, shell);
      current.workdirs.put(i, workdir);
      current.users.put(i, user);
      if (i instanceof dev.dockerlint.syntax.ArgInstruction a) {
        for (ArgDeclaration d : a.declarations()) {
          scope = scope.with(argVariable(d, i, scope, false));
        }
      } else if (i instanceof EnvInstruction e) {
        Scope before = scope;
        for (KeyValue kv : e.pairs()) {
          String name = expand(kv.key().value(), before).orElse(kv.key().value());
          Optional<String> value = expand(kv.value().value(), before);
          scope =
              scope.with(
                  new Variable(
                      name,
                      Optional.of(value.orElse(kv.value().value())),
                      Variable.Kind.ENV,
                      Optional.of(i)));
        }
      } else if (i instanceof ShellInstruction s) {
        if (s.command().orElse(null) instanceof Command.ExecForm ex && !ex.arguments().isEmpty()) {
          shell = ex.arguments().stream().map(w -> w.value()).toList();
        }
      } else if (i instanceof WorkdirInstruction w && w.value().isPresent()) {
        String dir = expand(w.value().get().value(), scope).orElse(w.value().get().value());
        workdir = resolvePath(workdir, dir);
      } else if (i instanceof UserInstruction u && u.value().isPresent()) {
        user = Optional.of(expand(u.value().get().value(), scope).orElse(u.value().get().value()));
      } else if (i instanceof EntrypointInstruction) {
        current.entrypoint = Optional.of(i);
      } else if (i instanceof CmdInstruction) {
        current.cmd = Optional.of(i);
      }
      collectReferences(i);
    }
    if (current != null) {
      close(current, scope, shell, workdir, user);
    }
    stageList = List.copyOf(stages);
    referenceList = List.copyOf(references);
  }

  /**
   * Takes over stage {@code p} of the previous version, whose FROM is instruction {@code k} of this
   * file, when building it again would give the same: this file has the very same instructions from
   * its FROM to the next FROM, it gets the same index, the global scope is the same object (checked
   * by the caller), and its base and every {@code --from} in it name the same stages, stages this
   * model took over too, or the same images. What a stage knows is a function of these, so the edit
   * did not reach it. Returns whether it took the stage over.
   */
  private boolean takesOver(Stage p, int k, Later later) {
    List<Instruction> all = file.instructions();
    if (!buildsAsBefore(p, k, later, all::get)) {
      return false;
    }
    added(p);
    stageOf.put(p.from(), p);
    for (Instruction i : p.instructions) {
      stageOf.put(i, p);
    }
    references.addAll(later.references().getOrDefault(p, List.of()));
    return true;
  }

  /**
   * Whether the stage whose FROM is instruction {@code k} is stage {@code p} of the previous
   * version moved by the lines of {@code later.shift()}: the conditions of {@link #takesOver}, with
   * each instruction a moved copy of {@code p}'s instead of the very same.
   */
  private boolean isMovedCopy(Stage p, int k, Later later) {
    return buildsAsBefore(p, k, later, at -> later.shift().earlier(later.before(), at));
  }

  /**
   * Whether the stage whose FROM is instruction {@code k} would be built as stage {@code p} of the
   * previous version was: {@code was.apply(at)}, the previous version's instruction that this
   * file's instruction {@code at} stands for, is {@code p}'s for each of the stage's instructions,
   * the next instruction is a FROM (or there is none), the stage gets the same index, and its base
   * and every {@code --from} in it name the same stages (or their moved copies) or the same images.
   */
  private boolean buildsAsBefore(Stage p, int k, Later later, IntFunction<Instruction> was) {
    List<Instruction> all = file.instructions();
    int n = p.instructions.size();
    if (p.index() != stages.size() || k + n >= all.size()) {
      return false;
    }
    for (int j = 0; j < n; j++) {
      if (was.apply(k + 1 + j) != p.instructions.get(j)) {
        return false;
      }
    }
    int after = k + 1 + n;
    if (after < all.size() && !(all.get(after) instanceof FromInstruction)) {
      return false;
    }
    if (!sameBase(p, later)) {
      return false;
    }
    for (StageReference r : later.references().getOrDefault(p, List.of())) {
      Optional<Stage> now = earlierStage(r.value(), p);
      if (now.isPresent() != r.stage().isPresent()
          || (now.isPresent() && counterpart(now.get()) != r.stage().get())) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code p}'s FROM names in this model what it named in the previous one. */
  private boolean sameBase(Stage p, Later later) {
    if (p.base() instanceof Base.StageBase b) {
      Stage parent = stages.get(b.stageIndex());
      return counterpart(parent) == later.stages().get(b.stageIndex())
          && parent.name().map(n -> lastNamed.get(n) == parent).orElse(false);
    }
    String image =
        p.base() instanceof Base.ImageBase ib ? ib.text().toLowerCase(Locale.ROOT) : "scratch";
    return !lastNamed.containsKey(image);
  }

  private void close(
      Stage s, Scope scope, List<String> shell, String workdir, Optional<String> user) {
    s.finalScope = scope;
    s.finalShell = List.copyOf(shell);
    s.finalWorkdir = workdir;
    s.finalUser = user;
  }

  /**
   * The value of an ARG: a build argument wins; else its default (expanded); else, inside a stage,
   * the value of the global ARG or automatic ARG of the same name.
   */
  private Variable argVariable(ArgDeclaration d, Instruction i, Scope scope, boolean isGlobal) {
    String name = d.name();
    Optional<String> value;
    if (options.buildArgs().containsKey(name)) {
      value = Optional.of(options.buildArgs().get(name));
    } else if (d.defaultValue().isPresent()) {
      String raw = d.defaultValue().get().value();
      value = Optional.of(expand(raw, scope).orElse(raw));
    } else if (!isGlobal) {
      value = global.variable(name).flatMap(Variable::value);
    } else {
      value = automatic.variable(name).flatMap(Variable::value);
    }
    return new Variable(name, value, Variable.Kind.ARG, Optional.of(i));
  }

  private Stage newStage(FromInstruction from) {
    int index = stages.size();
    String imageText = from.image().map(w -> w.value()).orElse("");
    Optional<ShellLex.Result> expanded = expandWithMatches(imageText, global);
    String image = expanded.map(ShellLex.Result::result).orElse(imageText);
    boolean complete = expanded.isPresent() && expanded.get().unmatched().isEmpty();

    Base base;
    String lower = image.toLowerCase(Locale.ROOT);
    Optional<Stage> earlier = Optional.ofNullable(lastNamed.get(lower));
    if (earlier.isPresent()) {
      base = new Base.StageBase(earlier.get().index());
    } else if (lower.equals("scratch")) {
      base = new Base.Scratch();
    } else {
      base = new Base.ImageBase(image, ImageRef.parse(image), complete);
    }

    Optional<String> platformText = Optional.empty();
    Optional<Platform> platform;
    Stage.PlatformSource source;
    Optional<Flag> flag = from.flag("platform");
    if (flag.isPresent()) {
      String raw = flag.get().valueOrEmpty();
      platformText = Optional.of(expand(raw, global).orElse(raw));
    }
    // BuildKit ignores --platform on a FROM of an earlier stage (the stage keeps its base's
    // platform) and on FROM scratch (an empty filesystem is given the target platform).
    if (earlier.isPresent()) {
      platform = earlier.get().platform();
      source = Stage.PlatformSource.INHERITED;
    } else if (platformText.isPresent() && !(base instanceof Base.Scratch)) {
      platform = Platform.parse(platformText.get());
      source = Stage.PlatformSource.FLAG;
    } else {
      platform = Optional.of(options.targetPlatform());
      source = Stage.PlatformSource.TARGET;
    }
    Stage s = new Stage(index, from, base, platformText, platform, source, defaultShell());
    added(s);
    return s;
  }

  private void added(Stage s) {
    stages.add(s);
    if (s.name().isPresent()) {
      firstNamed.putIfAbsent(s.name().get(), s);
      lastNamed.put(s.name().get(), s);
    }
  }

  private void collectReferences(Instruction i) {
    for (Flag f : i.flags()) {
      if (f.name().equals("from") && f.value().isPresent()) {
        String v = expand(f.value().get(), scopeBefore(i)).orElse(f.value().get());
        references.add(new StageReference(i, f, v, earlierStage(v, i)));
      } else if (f.name().equals("mount") && f.value().isPresent()) {
        for (String part : f.value().get().split(",")) {
          int eq = part.indexOf('=');
          if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("from")) {
            String v = part.substring(eq + 1).trim();
            references.add(new StageReference(i, f, v, earlierStage(v, i)));
          }
        }
      }
    }
  }

  /** A stage that {@code --from=value} names, if it is defined before {@code i}'s stage ends. */
  private Optional<Stage> earlierStage(String value, Instruction i) {
    return earlierStage(value, stageOf.get(i));
  }

  /** A stage that {@code --from=value} in stage {@code self} names, if defined before it. */
  private Optional<Stage> earlierStage(String value, Stage self) {
    String n = value.toLowerCase(Locale.ROOT);
    Stage first = firstNamed.get(n);
    if (first != null && (self == null || first.index() < self.index())) {
      return Optional.of(first);
    }
    OptionalInt idx = stageIndex(n);
    if (idx.isPresent() && self != null && idx.getAsInt() < self.index()) {
      return Optional.of(stages.get(idx.getAsInt()));
    }
    return Optional.empty();
  }

  /** {@code dir} resolved against {@code current} like WORKDIR does (absolute, cleaned). */
  public static String resolvePath(String current, String dir) {
    String joined =
        dir.startsWith("/") ? dir : (current.endsWith("/") ? current : current + "/") + dir;
    List<String> parts = new ArrayList<>();
    for (String p : joined.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(p);
      }
    }
    return "/" + String.join("/", parts);
  }
}
