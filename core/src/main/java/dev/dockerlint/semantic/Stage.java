package dev.dockerlint.semantic;

import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions up to the next FROM, with what the semantic model
 * derived for it (base, platform, variables, shell, working directory, user and command).
 */
public final class Stage {

  /** Where the stage's platform comes from. */
  public enum PlatformSource {
    /**
     * No {@code --platform}, or {@code FROM scratch} (BuildKit gives it the target platform even
     * with the flag): the build's target platform.
     */
    TARGET,
    /** {@code --platform=...} on the FROM line of an image. */
    FLAG,
    /** Based on an earlier stage: that stage's platform (BuildKit ignores {@code --platform}). */
    INHERITED
  }

  /** A stage of an earlier version of the file, of which this one is a copy moved by lines. */
  public record Moved(Stage was, int lines) {}

  private final int index;
  private final FromInstruction from;
  private final Optional<Word> name;
  private final Optional<String> lowerName;
  private final Base base;
  private final Optional<String> platformText;
  private final Optional<Platform> platform;
  private final PlatformSource platformSource;
  final List<Instruction> instructions = new ArrayList<>();
  final Map<Instruction, Scope> scopes = new IdentityHashMap<>();
  final Map<Instruction, List<String>> shells = new IdentityHashMap<>();
  final Map<Instruction, String> workdirs = new IdentityHashMap<>();
  final Map<Instruction, Optional<String>> users = new IdentityHashMap<>();
  Scope finalScope = Scope.empty();
  List<String> finalShell;
  String finalWorkdir = "/";
  Optional<String> finalUser = Optional.empty();
  Optional<Instruction> entrypoint = Optional.empty();
  Optional<Instruction> cmd = Optional.empty();
  Optional<Instruction> inheritedEntrypoint = Optional.empty();
  Optional<Instruction> inheritedCmd = Optional.empty();

  Stage(
      int index,
      FromInstruction from,
      Base base,
      Optional<String> platformText,
      Optional<Platform> platform,
      PlatformSource platformSource,
      List<String> shell) {
    this.index = index;
    this.from = from;
    this.name = from.stageName();
    this.lowerName = name.map(w -> w.value().toLowerCase(java.util.Locale.ROOT));
    this.base = base;
    this.platformText = platformText;
    this.platform = platform;
    this.platformSource = platformSource;
    this.finalShell = List.copyOf(shell);
  }

  public int index() {
    return index;
  }

  public FromInstruction from() {
    return from;
  }

  /** The {@code AS name}, as written. */
  public Optional<Word> nameWord() {
    return name;
  }

  /** The stage name, lower case as BuildKit compares it. */
  public Optional<String> name() {
    return lowerName;
  }

  /** The name or, without one, the index: how {@code COPY --from} can refer to this stage. */
  public String displayName() {
    return name.map(Word::value).orElse(Integer.toString(index));
  }

  public Base base() {
    return base;
  }

  /** The expanded {@code --platform} value, if the FROM has one. */
  public Optional<String> platformText() {
    return platformText;
  }

  /** The platform the stage's base is pulled for and its RUN steps execute on. */
  public Optional<Platform> platform() {
    return platform;
  }

  public PlatformSource platformSource() {
    return platformSource;
  }

  /** The instructions after the FROM, up to the next stage. */
  public List<Instruction> instructions() {
    return java.util.Collections.unmodifiableList(instructions);
  }

  /** Variables in scope just before {@code i} runs (for FROM: the global ARGs). */
  public Scope scopeBefore(Instruction i) {
    return scopes.getOrDefault(i, finalScope);
  }

  /** Variables at the end of the stage. */
  public Scope finalScope() {
    return finalScope;
  }

  /** The SHELL in force for {@code i} (default {@code ["/bin/sh", "-c"]}). */
  public List<String> shellFor(Instruction i) {
    return shells.getOrDefault(i, finalShell);
  }

  public List<String> finalShell() {
    return finalShell;
  }

  /** The working directory in force for {@code i}, absolute. */
  public String workdirFor(Instruction i) {
    return workdirs.getOrDefault(i, finalWorkdir);
  }

  public String finalWorkdir() {
    return finalWorkdir;
  }

  public Optional<String> userFor(Instruction i) {
    return users.getOrDefault(i, finalUser);
  }

  public Optional<String> finalUser() {
    return finalUser;
  }

  /** The ENTRYPOINT in effect at the end of the stage (its own or inherited from a base stage). */
  public Optional<Instruction> entrypoint() {
    return entrypoint.isPresent() ? entrypoint : inheritedEntrypoint;
  }

  /**
   * The CMD in effect at the end of the stage; an ENTRYPOINT in this stage resets a CMD inherited
   * from the base.
   */
  public Optional<Instruction> cmd() {
    if (cmd.isPresent()) {
      return cmd;
    }
    return entrypoint.isPresent() ? Optional.empty() : inheritedCmd;
  }

  /** What a container of this stage's image runs, when ENTRYPOINT or CMD say it. */
  public Optional<Process> process() {
    Optional<Instruction> ep = entrypoint();
    Optional<Instruction> c = cmd();
    Optional<Command> epCommand = ep.flatMap(SemanticModel::commandOf);
    Optional<Command> cmdCommand = c.flatMap(SemanticModel::commandOf);
    List<String> argv = new ArrayList<>();
    boolean shell;
    if (epCommand.isPresent()) {
      shell = epCommand.get() instanceof Command.ShellForm;
      argv.addAll(argv(epCommand.get(), shellFor(ep.get())));
      if (!shell && cmdCommand.isPresent()) {
        argv.addAll(argv(cmdCommand.get(), shellFor(c.get())));
      }
    } else if (cmdCommand.isPresent()) {
      shell = cmdCommand.get() instanceof Command.ShellForm;
      argv.addAll(argv(cmdCommand.get(), shellFor(c.get())));
    } else {
      return Optional.empty();
    }
    if (argv.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Process(argv, shell, ep, c));
  }

  /** The argv of a command: exec form as written, shell form through {@code shell}. */
  public static List<String> argv(Command command, List<String> shell) {
    List<String> out = new ArrayList<>();
    if (command instanceof Command.ExecForm e) {
      e.arguments().forEach(w -> out.add(w.value()));
    } else if (command instanceof Command.ShellForm s) {
      out.addAll(shell);
      out.add(s.text().value());
    }
    return out;
  }

  @Override
  public String toString() {
    return "stage " + displayName();
  }
}
