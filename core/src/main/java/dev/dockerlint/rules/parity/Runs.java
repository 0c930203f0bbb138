package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.RunScript;
import dev.dockerlint.shell.RunScripts;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellWord;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.OnbuildInstruction;
import dev.dockerlint.syntax.Range;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * The RUN instructions of a stage (ONBUILD RUN included) with the shell scripts each one runs, for
 * the rules that look at the commands: one {@link Run} per instruction, its commands in order.
 */
final class Runs {
  private Runs() {}

  /** A command of a RUN script. */
  record Cmd(RunScript script, ShellCommand command) {
    Range range() {
      return script.range(command);
    }

    Range range(ShellWord w) {
      return script.range(w);
    }

    String name() {
      return command.name();
    }
  }

  /**
   * One RUN, its scripts and their commands in order.
   *
   * @param cacheTargets the targets of its {@code --mount=type=cache} and {@code type=tmpfs}
   *     mounts, read once: several rules ask about several directories
   */
  record Run(
      Instruction instruction,
      List<RunScript> scripts,
      List<Cmd> commands,
      List<String> cacheTargets) {
    Run(Instruction instruction, List<RunScript> scripts) {
      this(instruction, scripts, commandsOf(scripts), cacheTargetsOf(flagsOf(instruction)));
    }

    private static List<Cmd> commandsOf(List<RunScript> scripts) {
      List<Cmd> out = new ArrayList<>();
      for (RunScript s : scripts) {
        for (ShellCommand c : s.script().commands()) {
          out.add(new Cmd(s, c));
        }
      }
      return List.copyOf(out);
    }

    boolean any(Predicate<ShellCommand> p) {
      return commands().stream().anyMatch(c -> p.test(c.command()));
    }

    /** The index of the first matching command, or -1. */
    int indexOf(Predicate<ShellCommand> p) {
      List<Cmd> cs = commands();
      for (int i = 0; i < cs.size(); i++) {
        if (p.test(cs.get(i).command())) {
          return i;
        }
      }
      return -1;
    }

    /** The RUN's own flags (for ONBUILD RUN, the trigger's). */
    List<Flag> flags() {
      return flagsOf(instruction);
    }

    private static List<Flag> flagsOf(Instruction instruction) {
      if (instruction instanceof OnbuildInstruction o && o.trigger().isPresent()) {
        return o.trigger().get().flags();
      }
      return instruction.flags();
    }

    /**
     * Whether a {@code --mount=type=cache} or {@code type=tmpfs} mount's target contains {@code
     * fragment} (the directory is then not part of the image).
     */
    boolean cacheMount(String fragment) {
      for (String target : cacheTargets) {
        if (target.contains(fragment)) {
          return true;
        }
      }
      return false;
    }

    private static List<String> cacheTargetsOf(List<Flag> flags) {
      List<String> out = new ArrayList<>();
      for (Flag f : flags) {
        if (!f.name().equals("mount") || f.value().isEmpty()) {
          continue;
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : f.value().get().split(",")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            kv.put(
                part.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                part.substring(eq + 1).trim());
          }
        }
        String type = kv.getOrDefault("type", "bind");
        String target =
            kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", "")));
        if (type.equals("cache") || type.equals("tmpfs")) {
          out.add(target);
        }
      }
      return List.copyOf(out);
    }

    /** Whether the RUN is or includes a heredoc script. */
    boolean heredoc() {
      Instruction i =
          instruction instanceof OnbuildInstruction o && o.trigger().isPresent()
              ? o.trigger().get()
              : instruction;
      return !i.heredocs().isEmpty();
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      scripts.forEach(s -> sb.append(s.text()).append('\n'));
      return sb.toString();
    }
  }

  private static List<Run> read(List<RunScript> scripts) {
    Map<Instruction, List<RunScript>> by = new IdentityHashMap<>();
    List<Instruction> order = new ArrayList<>();
    for (RunScript s : scripts) {
      by.computeIfAbsent(
              s.instruction(),
              k -> {
                order.add(k);
                return new ArrayList<>();
              })
          .add(s);
    }
    List<Run> out = new ArrayList<>();
    for (Instruction i : order) {
      out.add(new Run(i, List.copyOf(by.get(i))));
    }
    return List.copyOf(out);
  }

  /** What the rules of a lint read of each stage's RUNs, each stage's read once. */
  private static final class ByStage {
    private final ConcurrentMap<Stage, List<Run>> runs = new ConcurrentHashMap<>();
    private final ConcurrentMap<Stage, List<Cmd>> commands = new ConcurrentHashMap<>();
  }

  /** The RUNs and ONBUILD RUNs of {@code stage} with sh-like scripts, in order. */
  static List<Run> of(RuleContext ctx, Stage stage) {
    return ctx.input()
        .shared(ByStage.class, ByStage::new)
        .runs
        .computeIfAbsent(stage, s -> read(RunScripts.of(ctx.input(), s)));
  }

  /** Every command of every RUN of {@code stage}. */
  static List<Cmd> commands(RuleContext ctx, Stage stage) {
    return ctx.input()
        .shared(ByStage.class, ByStage::new)
        .commands
        .computeIfAbsent(
            stage,
            s -> {
              List<Cmd> out = new ArrayList<>();
              for (Run r : of(ctx, s)) {
                out.addAll(r.commands());
              }
              return List.copyOf(out);
            });
  }

  /** The words' values. */
  static List<String> values(List<ShellWord> words) {
    List<String> out = new ArrayList<>();
    words.forEach(w -> out.add(w.value()));
    return out;
  }
}
