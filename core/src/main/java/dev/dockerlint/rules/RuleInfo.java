package dev.dockerlint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, on its class. {@code code} is stable and never reused; {@code name}
 * (kebab-case) names the bad pattern; {@code aliases} are the codes and check names other tools use
 * for the same thing (hadolint's DLxxxx, BuildKit's check names), honoured in suppressions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String code();

  String name();

  Severity severity();

  /** One line, no final period. */
  String summary();

  String[] aliases() default {};

  FixAvailability fix() default FixAvailability.NONE;

  /** The runtime errors this rule may foresee. */
  Predicts[] predicts() default {};

  boolean enabledByDefault() default true;
}
