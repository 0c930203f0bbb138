package dev.dockerlint.rules.exec;

import dev.dockerlint.imagefs.ExecProblem;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;

/**
 * A script started as a program whose {@code #!} interpreter does not exist in the image ({@code
 * #!/bin/bash} in an image without bash), or whose {@code #!/usr/bin/env X} names a program that is
 * in no directory of the PATH. The kernel (or env) reports "no such file or directory" for the
 * missing interpreter, which users read as the script being missing.
 */
@RuleInfo(
    code = "DKL1306",
    name = "interpreter-not-found",
    severity = Severity.ERROR,
    summary = "Interpreter in the #! line does not exist in the image",
    predicts = Predicts.NO_SUCH_FILE)
public final class InterpreterNotFound implements Rule {
  @Override
  public void check(RuleContext ctx) {
    for (ExecProblem p : ExecFindings.of(ctx, ExecProblem.Kind.INTERPRETER_NOT_FOUND)) {
      ctx.report(ExecFindings.finding(p));
    }
  }
}
