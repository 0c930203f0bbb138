package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Scope;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Flag;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A variable in a FROM line (image or {@code --platform}) that no global ARG declares and that is
 * no automatic platform ARG. It expands to nothing, which is rarely meant: a misspelt name, or an
 * ARG declared inside a stage instead of before the first FROM.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/undefined-arg-in-from/">UndefinedArgInFrom</a>
 */
@RuleInfo(
    code = "DKL5004",
    name = "undefined-arg-in-from",
    severity = Severity.WARNING,
    summary = "FROM uses a variable no global ARG declares",
    aliases = {"UndefinedArgInFrom"})
public final class UndefinedArgInFrom implements StageRule {
  /** Automatic ARGs BuildKit defines besides the platform ones the semantic model knows. */
  private static final Set<String> MORE_AUTOMATIC =
      Set.of("BUILDOSVERSION", "TARGETOSVERSION", "TARGETSTAGE");

  @Override
  public void checkStage(RuleContext ctx, Stage s) {
    Scope global = ctx.model().globalScope();
    Set<String> declared = new TreeSet<>(global.variables().keySet());
    declared.addAll(MORE_AUTOMATIC);
    Set<String> unmatched = new TreeSet<>();
    s.from()
        .image()
        .flatMap(w -> ctx.model().expandWithMatches(w.value(), global))
        .ifPresent(r -> unmatched.addAll(r.unmatched()));
    Optional<Flag> platform = s.from().flag("platform");
    platform
        .flatMap(f -> ctx.model().expandWithMatches(f.valueOrEmpty(), global))
        .ifPresent(r -> unmatched.addAll(r.unmatched()));
    for (String name : unmatched) {
      if (declared.contains(name)) {
        continue;
      }
      String msg = "FROM argument '" + name + "' is not declared";
      Optional<String> suggest = Suggest.search(name, declared, true);
      if (suggest.isPresent()) {
        msg += " (did you mean " + suggest.get() + "?)";
      }
      ctx.report(Finding.of(s.from().range(), msg));
    }
  }
}
