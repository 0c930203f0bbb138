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

  /**
   * Whether the engine runs this rule after all others (for rules that report on what the others
   * learned, such as which images could not be inspected).
   */
  default boolean runsLast() {
    return false;
  }
}
