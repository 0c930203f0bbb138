package dev.dockerlint.registry;

import dev.dockerlint.rules.FixAvailability;
import dev.dockerlint.rules.ImageCheck;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules with their metadata, looked up by code, name or alias. Also holds the engine's own
 * pseudo-rule for internal errors ({@link #INTERNAL_ERROR}).
 */
public final class RuleRegistry {

  /** Reported when a rule throws: the file is still checked by every other rule. */
  public static final RuleMeta INTERNAL_ERROR =
      new RuleMeta(
          "DKL0000",
          "internal-error",
          Severity.ERROR,
          "A rule failed on this file; the other rules still ran",
          List.of(),
          FixAvailability.NONE,
          List.of(),
          true);

  /** A suppression comment that suppressed nothing: the finding it was for is gone. */
  public static final RuleMeta UNUSED_SUPPRESSION =
      new RuleMeta(
          "DKL0010",
          "unused-suppression",
          Severity.INFO,
          "A suppression comment suppresses nothing",
          List.of(),
          FixAvailability.SOMETIMES,
          List.of(),
          true);

  /** A suppression names a rule that does not exist (a typo, or a rule of another tool). */
  public static final RuleMeta UNKNOWN_RULE =
      new RuleMeta(
          "DKL0011",
          "unknown-rule-in-suppression",
          Severity.WARNING,
          "A suppression comment names no known rule",
          List.of(),
          FixAvailability.NONE,
          List.of(),
          true);

  /** The engine's own pseudo-rules, which no rule class implements. */
  public static final List<RuleMeta> ENGINE_RULES =
      List.of(INTERNAL_ERROR, UNUSED_SUPPRESSION, UNKNOWN_RULE);

  private final List<Entry> entries;
  private final List<ImageCheck> imageChecks;

  /** A rule and its metadata. */
  public record Entry(Rule rule, RuleMeta meta) {}

  public RuleRegistry(List<Rule> rules) {
    this(rules, List.of());
  }

  public RuleRegistry(List<Rule> rules, List<ImageCheck> imageChecks) {
    List<Entry> list = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (RuleMeta m : ENGINE_RULES) {
      codes.add(m.code());
      names.add(m.name());
    }
    for (Rule r : rules) {
      RuleMeta m = r.meta();
      if (!codes.add(m.code()) || !names.add(m.name())) {
        throw new IllegalStateException(
            "duplicate rule code or name: " + m.code() + " " + m.name());
      }
      list.add(new Entry(r, m));
    }
    for (ImageCheck c : imageChecks) {
      RuleMeta m = c.meta();
      if (!codes.add(m.code()) || !names.add(m.name())) {
        throw new IllegalStateException(
            "duplicate rule code or name: " + m.code() + " " + m.name());
      }
    }
    this.entries = List.copyOf(list);
    this.imageChecks = List.copyOf(imageChecks);
  }

  public static RuleRegistry builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final RuleRegistry BUILT_IN =
        new RuleRegistry(BuiltInRules.all(), BuiltInRules.imageChecks());
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The checks of built images ({@code dockerlint image}). */
  public List<ImageCheck> imageChecks() {
    return imageChecks;
  }

  /** The metadata of every rule: the engine's, the Dockerfile rules', the image checks'. */
  public List<RuleMeta> metas() {
    List<RuleMeta> out = new ArrayList<>(ENGINE_RULES);
    entries.forEach(e -> out.add(e.meta()));
    imageChecks.forEach(c -> out.add(c.meta()));
    return out;
  }

  /** The rule whose code, name or alias is {@code id}. */
  public Optional<RuleMeta> find(String id) {
    for (RuleMeta m : metas()) {
      if (m.matches(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
