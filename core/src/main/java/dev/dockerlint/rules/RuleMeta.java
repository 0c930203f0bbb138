package dev.dockerlint.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link RuleInfo} read into a value, plus where the rule's documentation lives. */
public record RuleMeta(
    String code,
    String name,
    Severity severity,
    String summary,
    List<String> aliases,
    FixAvailability fix,
    List<Predicts> predicts,
    boolean enabledByDefault) {

  public RuleMeta {
    aliases = List.copyOf(aliases);
    predicts = List.copyOf(predicts);
  }

  public static RuleMeta of(Class<?> ruleClass) {
    RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(ruleClass.getName() + " has no @RuleInfo");
    }
    return new RuleMeta(
        info.code(),
        info.name(),
        info.severity(),
        info.summary(),
        List.of(info.aliases()),
        info.fix(),
        List.of(info.predicts()),
        info.enabledByDefault());
  }

  /** This rule's metadata with more aliases (the SC code of one ShellCheck finding). */
  public RuleMeta withMoreAliases(List<String> more) {
    List<String> all = new java.util.ArrayList<>(aliases);
    all.addAll(more);
    return new RuleMeta(code, name, severity, summary, all, fix, predicts, enabledByDefault);
  }

  /** Whether {@code id} is this rule's code, name or one of its aliases (case-insensitive). */
  public boolean matches(String id) {
    String s = id.trim();
    if (s.equalsIgnoreCase(code) || s.equalsIgnoreCase(name)) {
      return true;
    }
    for (String a : aliases) {
      if (a.equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }

  /** The BuildKit check this rule is, when one of its aliases is a BuildKit check name. */
  public Optional<String> buildkitCheck() {
    for (String a : aliases) {
      if (BuildkitChecks.isCheck(a)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The path of the rule's documentation page inside the jar and the repository. */
  public String docResource() {
    return "/rules/" + code + ".md";
  }

  /** The public URL of the rule's documentation page. */
  public String docUrl() {
    return "https://dockerlint.dev/rules/" + code.toLowerCase(Locale.ROOT);
  }
}
