package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.shell.RunScript;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellPipe;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.OnbuildInstruction;
import dev.dockerlint.syntax.RunInstruction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A pipe in a RUN script whose shell does not run with {@code pipefail}: the step succeeds when any
 * command but the last fails ({@code curl -f url | tar -x} succeeds on a 404). Fine when the SHELL
 * in force is bash, zsh, ksh or ash with {@code -o pipefail}, when the script itself runs {@code
 * set -o pipefail} before the pipe, and, on Alpine and BusyBox bases, when {@code /bin/sh} (which
 * is BusyBox ash there) gets {@code -o pipefail} (hadolint reports all three).
 */
@RuleInfo(
    code = "DKL4006",
    name = "pipe-without-pipefail",
    severity = Severity.WARNING,
    summary = "Pipe in RUN without pipefail",
    aliases = {"DL4006"})
public final class PipeWithoutPipefail implements StageRule {
  @Override
  public void checkStage(RuleContext ctx, Stage st) {
    for (Runs.Run r : Runs.of(ctx, st)) {
      Instruction i = r.instruction();
      Optional<Stage> stage = ctx.model().stageOf(i);
      boolean busybox = stage.map(s -> BaseImages.busyboxLike(ctx.model(), s)).orElse(false);
      for (RunScript s : r.scripts()) {
        if (!s.script().hasPipes()) {
          continue;
        }
        boolean ownShebang = s.heredoc() && s.text().startsWith("#!");
        if (!ownShebang && pipefailShell(argv(i, stage), busybox)) {
          continue;
        }
        Optional<ShellPipe> risky =
            s.script().pipelines().stream().filter(PipeWithoutPipefail::canHideFailure).findFirst();
        if (risky.isEmpty()) {
          continue;
        }
        int pipe = risky.get().offset();
        if (setsPipefail(s, pipe)) {
          continue;
        }
        String shell =
            busybox
                ? "SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]"
                : "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]";
        ctx.report(
            Finding.of(
                s.range(pipe, pipe + 1),
                "Set the SHELL option -o pipefail before RUN with a pipe in it: add "
                    + shell
                    + " before this RUN, or `set -o pipefail` at the start of the script"));
      }
    }
  }

  /** The argv the RUN's shell-form scripts run with (exec form: its own argv). */
  private static List<String> argv(Instruction i, Optional<Stage> stage) {
    Instruction run =
        i instanceof OnbuildInstruction o && o.trigger().isPresent() ? o.trigger().get() : i;
    if (run instanceof RunInstruction ri
        && ri.command().orElse(null) instanceof Command.ExecForm e) {
      return e.arguments().stream().map(w -> w.value()).toList();
    }
    return stage.map(s -> s.shellFor(i)).orElse(List.of("/bin/sh", "-c"));
  }

  static boolean pipefailShell(List<String> argv, boolean busybox) {
    if (argv.isEmpty()) {
      return false;
    }
    String name = basename(argv.get(0));
    List<String> args = argv.subList(1, argv.size());
    if (name.equals("busybox") && !args.isEmpty()) {
      name = basename(args.get(0));
      busybox = true;
      args = args.subList(1, args.size());
    }
    boolean capable =
        switch (name) {
          case "bash", "zsh", "ash", "ksh", "mksh" -> true;
          case "sh" -> busybox;
          default -> false;
        };
    boolean o =
        args.stream().anyMatch(a -> a.startsWith("-") && !a.startsWith("--") && a.contains("o"));
    return capable && o && args.contains("pipefail");
  }

  /**
   * Whether pipefail would change the outcome: not when the command writing into the pipe cannot
   * fail ({@code echo}, {@code printf}, {@code true}, {@code cat} of standard input, or a group of
   * only those, as in {@code { echo a; echo b; } | tee file}) or fails only because the pipe closes
   * ({@code yes}, which pipefail would turn into a failed build), and not inside a command
   * substitution, whose status becomes a word, not the script's.
   */
  static boolean canHideFailure(ShellPipe p) {
    if (p.inSubstitution()) {
      return false;
    }
    if (p.left().isPresent()) {
      return canFail(p.left().get());
    }
    return p.leftCommands().isEmpty()
        || p.leftCommands().stream().anyMatch(PipeWithoutPipefail::canFail);
  }

  private static boolean canFail(ShellCommand c) {
    return switch (c.name()) {
      case "echo", "printf", "yes", "true", ":" -> false;
      case "cat" -> !c.arguments().isEmpty();
      default -> true;
    };
  }

  /** Whether a {@code set -o pipefail} (not in a subshell) comes before {@code pipe}. */
  private static boolean setsPipefail(RunScript s, int pipe) {
    for (ShellCommand c : s.script().commands()) {
      if (c.start() < pipe
          && !c.subshell()
          && c.name().equals("set")
          && c.hasFlag("o")
          && c.hasArg("pipefail")) {
        return true;
      }
    }
    return false;
  }

  private static String basename(String p) {
    return p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }
}
