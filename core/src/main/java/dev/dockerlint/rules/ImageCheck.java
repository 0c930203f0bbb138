package dev.dockerlint.rules;

/**
 * A check of a built image ({@code dockerlint image}) rather than of a Dockerfile: it reads one
 * platform of the image, its config and its files, and reports what will fail when a container of
 * it starts. Implementations are final, stateless and thread-safe, annotated with {@link RuleInfo}
 * (their codes are {@code DKL16xx}), and listed in {@code BuiltInRules#imageChecks}, beside the
 * Dockerfile rules, so that {@code dockerlint rules}, {@code explain}, configuration files and
 * SARIF know them.
 */
public interface ImageCheck {
  void check(ImageCheckContext ctx);

  default RuleMeta meta() {
    return RuleMeta.of(getClass());
  }
}
