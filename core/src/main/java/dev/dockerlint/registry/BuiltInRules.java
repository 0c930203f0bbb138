package dev.dockerlint.registry;

import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.image.ImageNotInspected;
import dev.dockerlint.rules.image.InvalidBaseImagePlatform;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.rules.syntax.EmptyContinuationLine;
import dev.dockerlint.rules.syntax.SyntaxError;
import java.util.List;

/** The only list of dockerlint's rules. A rule that is not here does not exist. */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<Rule> all() {
    return List.of(
        new SyntaxError(),
        new EmptyContinuationLine(),
        new MaintainerDeprecated(),
        new InvalidBaseImagePlatform(),
        new ImageNotInspected());
  }
}
