package dev.dockerlint.rules.shellform;

import dev.dockerlint.imagefs.ImageFs;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.RunInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A shell-form {@code RUN} (or a RUN heredoc) in a stage that has no shell at that point: {@code
 * FROM scratch} or a shell-less image, before anything put {@code /bin/sh} (or the SHELL in force)
 * there. The build stops at this step: runc cannot start {@code /bin/sh -c}.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#run">RUN</a>
 */
@RuleInfo(
    code = "DKL1002",
    name = "shell-form-run-without-shell",
    severity = Severity.ERROR,
    summary = "Shell-form RUN in a stage that has no shell",
    fix = FixAvailability.SOMETIMES,
    predicts = Predicts.NO_SUCH_FILE)
public final class ShellFormRunWithoutShell implements StageRule {

  /** What the checks of all stages of one lint share. */
  private record PerLint(ShellPresence files, Set<Stage> needed) {}

  private static PerLint perLint(RuleContext ctx) {
    return ctx.input()
        .shared(
            PerLint.class,
            () -> new PerLint(new ShellPresence(ctx), ctx.model().stagesNeededForFinal()));
  }

  /**
   * Besides the stage, the findings depend on whether the final stage needs it, on the filesystem
   * model of the stage (the same object only when its base image answers and the stages it copies
   * from are the same), and on which of its RUNs' shells another finding already reports missing.
   */
  /** Its messages name the line of the instruction that removed the shell. */
  @Override
  public boolean findingsMoveWithTheStage() {
    return false;
  }

  @Override
  public Object stageKey(RuleContext ctx, Stage s) {
    PerLint p = perLint(ctx);
    List<Object> key = new ArrayList<>();
    key.add(p.needed().contains(s));
    key.add(ImageFs.of(ctx.input()).stage(s));
    if (p.files().shellSetFor(s)) { // else no RUN of the stage runs a SHELL that is reported
      for (Instruction i : s.instructions()) {
        if (i instanceof RunInstruction) {
          key.add(p.files().shellReportedMissing(i));
        }
      }
    }
    return key;
  }

  @Override
  public void checkStage(RuleContext ctx, Stage s) {
    PerLint p = perLint(ctx);
    for (Instruction i : s.instructions()) {
      List<String> shell = s.shellFor(i);
      if (i instanceof RunInstruction run
          && run.command().orElse(null) instanceof Command.ShellForm sf
          && !sf.text().value().isBlank()
          && !shell.isEmpty()
          && !p.files().shellReportedMissing(i)) {
        check(ctx, p.files(), s, run, sf, shell.get(0), p.needed().contains(s));
      }
    }
  }

  private static void check(
      RuleContext ctx,
      ShellPresence files,
      Stage s,
      RunInstruction run,
      Command.ShellForm sf,
      String program,
      boolean needed) {
    ShellPresence.Answer answer = files.during(s, run, program);
    String shellText = String.join(" ", s.shellFor(run));
    String failure = "'exec: \"" + program + "\": stat " + program + ": no such file or directory'";
    Optional<List<String>> plain =
        run.heredocs().isEmpty() ? ExecForm.plainWords(sf.text().value()) : Optional.empty();
    String execForm = plain.map(w -> "RUN " + ExecForm.array(w)).orElse("");
    String remedy =
        execForm.isEmpty()
            ? "Copy a shell into the stage first, or run a program in exec form"
            : "Use exec form, which needs no shell: " + execForm;
    Finding f;
    if (answer.state() == ShellPresence.State.ABSENT) {
      f =
          Finding.of(
              sf.range(),
              "RUN in shell form runs '"
                  + shellText
                  + " ...', but this stage has no "
                  + program
                  + " at this point ("
                  + answer.why()
                  + "): "
                  + (needed ? "the build fails" : "building this stage fails")
                  + " with "
                  + failure
                  + ". "
                  + remedy);
      if (!needed) {
        f =
            f.withSeverity(Severity.WARNING)
                .withRelated(
                    s.from().range(), "BuildKit skips this stage: the final stage does not use it");
      }
    } else if (answer.state() == ShellPresence.State.MAYBE) {
      Instruction creator = answer.creator().orElseThrow();
      String line =
          creator.keyword().canonical() + " on line " + (creator.range().start().line() + 1);
      f =
          Finding.of(
                  sf.range(),
                  "RUN in shell form runs '"
                      + shellText
                      + " ...', and this stage has no "
                      + program
                      + " ("
                      + answer.why()
                      + ") unless "
                      + line
                      + " put it there: otherwise the build fails with "
                      + failure
                      + ". "
                      + remedy)
              .withSeverity(Severity.WARNING)
              .withRelated(creator.range(), line + " may create " + program);
    } else {
      return;
    }
    f = f.withPredicts(Predicts.NO_SUCH_FILE);
    if (plain.isPresent()) {
      f =
          f.withFix(
              Fix.safe(
                  "Use exec form: " + execForm, new Edit(sf.range(), ExecForm.array(plain.get()))));
    }
    ctx.report(f);
  }
}
