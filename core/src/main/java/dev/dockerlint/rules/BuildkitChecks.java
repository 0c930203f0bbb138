package dev.dockerlint.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names of BuildKit's build checks ({@code docker build --check}), as BuildKit spells them. A
 * rule that carries one of them as an alias is that check: {@code # check=skip=...} and {@code
 * error=true} apply to it.
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/">Build checks</a>
 */
public final class BuildkitChecks {
  private BuildkitChecks() {}

  private static final Map<String, String> NAMES = new TreeMap<>();

  static {
    for (String n :
        new String[] {
          "ConsistentInstructionCasing",
          "CopyIgnoredFile",
          "DuplicateStageName",
          "ExposeInvalidFormat",
          "ExposeProtoCasing",
          "FromAsCasing",
          "FromPlatformFlagConstDisallowed",
          "InvalidBaseImagePlatform",
          "InvalidDefaultArgInFrom",
          "InvalidDefinitionDescription",
          "JSONArgsRecommended",
          "LegacyKeyValueFormat",
          "MaintainerDeprecated",
          "MultipleInstructionsDisallowed",
          "NoEmptyContinuation",
          "RedundantTargetPlatform",
          "ReservedStageName",
          "SecretsUsedInArgOrEnv",
          "StageNameCasing",
          "UndefinedArgInFrom",
          "UndefinedVar",
          "WorkdirRelativePath"
        }) {
      NAMES.put(n.toLowerCase(Locale.ROOT), n);
    }
  }

  /** The check's name as BuildKit spells it, when {@code id} names one (any case). */
  public static Optional<String> canonical(String id) {
    return Optional.ofNullable(NAMES.get(id.trim().toLowerCase(Locale.ROOT)));
  }

  /** Whether {@code id} is exactly the name of a BuildKit check. */
  public static boolean isCheck(String id) {
    return NAMES.containsValue(id);
  }
}
