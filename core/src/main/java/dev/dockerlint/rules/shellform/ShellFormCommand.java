package dev.dockerlint.rules.shellform;

import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Process;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.CmdInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.EntrypointInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.ShellInstruction;
import java.util.List;
import java.util.Optional;

/**
 * {@code CMD} and {@code ENTRYPOINT} in shell form run {@code /bin/sh -c "..."}: the shell is PID
 * 1, does not pass {@code SIGTERM} on, and a shell-form ENTRYPOINT ignores CMD and {@code docker
 * run} arguments. In a stage without that shell ({@code FROM scratch}, a shell-less image, a SHELL
 * that names a missing program) the container cannot start at all: runc fails with {@code exec:
 * "/bin/sh": stat /bin/sh: no such file or directory}.
 *
 * <p>Like BuildKit's {@code JSONArgsRecommended}, the signal warning is not given when a SHELL is
 * set (in the stage, a stage it is based on, or the base image's config): the shell is then a
 * choice. Whether the shell exists is still checked.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#shell-and-exec-form">Shell and exec
 *     form</a>
 */
@RuleInfo(
    code = "DKL1001",
    name = "shell-form-command",
    severity = Severity.WARNING,
    summary = "CMD or ENTRYPOINT in shell form: the shell is PID 1, or there is no shell to run",
    aliases = {"DL3025", "JSONArgsRecommended"},
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.NO_SUCH_FILE)
public final class ShellFormCommand implements Rule {

  @Override
  public void check(RuleContext ctx) {
    PathPresence files = new PathPresence(ctx);
    for (Stage s : ctx.model().stages()) {
      for (Instruction i : s.instructions()) {
        if ((i instanceof CmdInstruction || i instanceof EntrypointInstruction)
            && SemanticModel.commandOf(i).orElse(null) instanceof Command.ShellForm sf
            && !sf.text().value().isBlank()) {
          check(ctx, files, s, i, sf);
        }
      }
    }
  }

  private static void check(
      RuleContext ctx, PathPresence files, Stage s, Instruction i, Command.ShellForm sf) {
    SemanticModel m = ctx.model();
    String keyword = i.keyword().canonical();
    boolean entrypoint = i instanceof EntrypointInstruction;
    Stage runs = m.finalStage().filter(f -> effectiveIn(f, i)).orElse(s);
    boolean finalImage = m.finalStage().filter(f -> f == runs).isPresent();
    List<String> shell = s.shellFor(i);
    boolean windows = files.windows(s);
    boolean shellSet = shellSet(ctx, s, i);
    String shellText = windows && !shellSet ? "cmd /S /C" : String.join(" ", shell);
    String program = shell.isEmpty() ? "" : shell.get(0);
    boolean executed =
        entrypoint || (runs.entrypoint().isEmpty() && !hasImageEntrypoint(ctx, runs));
    PathPresence.Answer answer =
        executed && !program.isEmpty() ? files.atEnd(runs, program) : PathPresence.Answer.unknown();
    Optional<List<String>> plain = ExecForm.plainWords(sf.text().value());
    String execForm = plain.map(w -> keyword + " " + ExecForm.array(w)).orElse("");
    Finding f;
    switch (answer.state()) {
      case ABSENT -> {
        String who =
            finalImage
                ? "the container will fail to start"
                : "a container of this stage's image would fail to start";
        f =
            Finding.of(
                    sf.range(),
                    keyword
                        + " in shell form runs '"
                        + shellText
                        + " ...', but this stage has no "
                        + program
                        + " ("
                        + answer.why()
                        + "): "
                        + who
                        + " with 'exec: \""
                        + program
                        + "\": stat "
                        + program
                        + ": no such file or directory'. Write it in exec form"
                        + (execForm.isEmpty() ? "" : ": " + execForm))
                .withPredicts(Predicts.NO_SUCH_FILE)
                .withSeverity(finalImage ? Severity.ERROR : Severity.WARNING);
      }
      case MAYBE -> {
        Instruction creator = answer.creator().orElseThrow();
        String line = creator.keyword().canonical() + " on line " + lineOf(creator);
        f =
            Finding.of(
                    sf.range(),
                    keyword
                        + " in shell form runs '"
                        + shellText
                        + " ...', and this stage has no "
                        + program
                        + " ("
                        + answer.why()
                        + ") unless "
                        + line
                        + " puts it there: otherwise the container fails to start with 'exec: \""
                        + program
                        + "\": stat "
                        + program
                        + ": no such file or directory'. Exec form needs no shell"
                        + (execForm.isEmpty() ? "" : ": " + execForm))
                .withPredicts(Predicts.NO_SUCH_FILE)
                .withRelated(creator.range(), line + " may create " + program);
      }
      default -> {
        if (shellSet) {
          return;
        }
        String message = signalMessage(s, i, keyword, shellText, entrypoint);
        if (sf.text().value().startsWith("[")) {
          message +=
              " (this text starts with '[' but is not a JSON array of strings, so it runs"
                  + " as shell form)";
        }
        f = Finding.of(sf.range(), message);
        if (entrypoint && s.cmd().isPresent()) {
          Instruction cmd = s.cmd().get();
          f = f.withRelated(cmd.range(), "this CMD is ignored by the shell-form ENTRYPOINT");
        }
      }
    }
    if (plain.isPresent()) {
      boolean safe =
          entrypoint
              ? s.cmd().isEmpty()
              : s.entrypoint().isEmpty() && imageEntrypointKnownEmpty(ctx, s);
      f =
          f.withFix(
              new Fix(
                  "Use exec form: " + execForm,
                  List.of(new Edit(sf.range(), ExecForm.array(plain.get()))),
                  safe ? Applicability.SAFE : Applicability.UNSAFE));
    } else if (answer.state() != PathPresence.State.ABSENT
        && answer.state() != PathPresence.State.MAYBE
        && !windows
        && shell.equals(List.of("/bin/sh", "-c"))
        && ExecForm.singleCommand(sf.text().value())) {
      String text = sf.text().value();
      String script = text.startsWith("exec ") ? text : "exec " + text;
      f =
          f.withFix(
              Fix.unsafe(
                  "Run through /bin/sh with exec, so that the program replaces the shell as PID 1",
                  new Edit(sf.range(), ExecForm.array(List.of("/bin/sh", "-c", script)))));
    }
    ctx.report(f);
  }

  private static String signalMessage(
      Stage s, Instruction i, String keyword, String shellText, boolean entrypoint) {
    StringBuilder sb =
        new StringBuilder("JSON arguments recommended for ")
            .append(keyword)
            .append(" to prevent unintended behavior related to OS signals: in shell form the")
            .append(" container runs '")
            .append(shellText)
            .append(" ...', and the shell, usually PID 1, does not pass SIGTERM on to the")
            .append(" program, so 'docker stop' waits and then kills it");
    if (entrypoint) {
      sb.append("; CMD and 'docker run' arguments are ignored");
      s.cmd().ifPresent(c -> sb.append(" (the CMD on line ").append(lineOf(c)).append(")"));
    } else {
      Optional<Instruction> ep = s.entrypoint();
      if (ep.isPresent()
          && SemanticModel.commandOf(ep.get()).orElse(null) instanceof Command.ExecForm) {
        sb.append("; the ENTRYPOINT on line ")
            .append(lineOf(ep.get()))
            .append(" receives '")
            .append(shellText)
            .append(" ...' as its arguments");
      }
    }
    return sb.toString();
  }

  /** Whether {@code i} is the ENTRYPOINT or CMD of the image stage {@code f} produces. */
  private static boolean effectiveIn(Stage f, Instruction i) {
    Optional<Process> p = f.process();
    return p.isPresent()
        && (p.get().entrypoint().filter(e -> e == i).isPresent()
            || p.get().cmd().filter(c -> c == i).isPresent());
  }

  /** A SHELL instruction before {@code i} (in its stage or a base stage), or in the base image. */
  private static boolean shellSet(RuleContext ctx, Stage s, Instruction i) {
    for (Stage at : ctx.model().lineage(s)) {
      for (Instruction j : at.instructions()) {
        if (at == s && j == i) {
          break;
        }
        if (j instanceof ShellInstruction) {
          return true;
        }
      }
    }
    return imageConfig(ctx, s).flatMap(ImageConfig::shell).filter(l -> !l.isEmpty()).isPresent();
  }

  private static boolean hasImageEntrypoint(RuleContext ctx, Stage s) {
    return imageConfig(ctx, s)
        .flatMap(ImageConfig::entrypoint)
        .filter(l -> !l.isEmpty())
        .isPresent();
  }

  /** Whether the stage's root is scratch, or an image whose config is known to lack one. */
  private static boolean imageEntrypointKnownEmpty(RuleContext ctx, Stage s) {
    List<Stage> lineage = ctx.model().lineage(s);
    if (lineage.get(lineage.size() - 1).base() instanceof Base.Scratch) {
      return true;
    }
    return imageConfig(ctx, s).isPresent() && !hasImageEntrypoint(ctx, s);
  }

  /** The config of the image at the root of the stage's lineage, when a source knows it. */
  private static Optional<ImageConfig> imageConfig(RuleContext ctx, Stage s) {
    List<Stage> lineage = ctx.model().lineage(s);
    Stage root = lineage.get(lineage.size() - 1);
    if (!(root.base() instanceof Base.ImageBase b) || !b.complete() || b.ref().isEmpty()) {
      return Optional.empty();
    }
    Platform p = root.platform().orElse(ctx.model().options().targetPlatform());
    return ctx.input().images().lookup(b.ref().get(), p, false) instanceof Lookup.Found found
        ? Optional.of(found.image().config())
        : Optional.empty();
  }

  private static int lineOf(Instruction i) {
    return i.range().start().line() + 1;
  }
}
