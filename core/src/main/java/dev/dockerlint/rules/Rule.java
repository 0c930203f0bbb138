package dev.dockerlint.rules;

/**
 * A check. Implementations are final, stateless and thread-safe, annotated with {@link RuleInfo},
 * and listed in {@code BuiltInRules}. They read the syntax tree and semantic model from the context
 * and report findings to it.
 */
public interface Rule {
  void check(RuleContext ctx);

  default RuleMeta meta() {
    return RuleMeta.of(getClass());
  }
}
