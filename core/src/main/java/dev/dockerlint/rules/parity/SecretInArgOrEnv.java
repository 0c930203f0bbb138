package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.Range;
import java.util.regex.Pattern;

/**
 * An ARG or ENV whose name says it holds a secret: its value stays in the image's history and
 * config for anyone who pulls it. Names are read word by word, BuildKit's way: {@code password},
 * {@code token}, {@code secret}, {@code key}, {@code auth}, {@code apikey}, {@code credential(s)},
 * {@code passwd}, {@code pword} as a whole {@code _}-separated word, unless the name also has
 * {@code public}, {@code file} or {@code version} (hadolint matches substrings and flags {@code
 * PUBLIC_KEY}, {@code SECRET_FILE} or {@code TRAVIS_OS_NAME}).
 *
 * @see <a
 *     href="https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/">SecretsUsedInArgOrEnv</a>
 */
@RuleInfo(
    code = "DKL3064",
    name = "secret-in-arg-or-env",
    severity = Severity.INFO,
    summary = "ARG or ENV named like a secret",
    aliases = {"DL3064", "SecretsUsedInArgOrEnv"})
public final class SecretInArgOrEnv implements StageRule {
  private static final Pattern OUTER_QUOTES = Pattern.compile("^[\"']+|[\"']+$");

  private static final Pattern DENY =
      Pattern.compile(
          "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
  private static final Pattern ALLOW = Pattern.compile("(?i)(?:_|^)(?:public|file|version)(?:_|$)");

  /**
   * Names of public key material ({@code GPG_KEY}, {@code PGP_KEYS}): fingerprints, not secrets.
   */
  private static final Pattern PUBLIC_KEYS = Pattern.compile("(?i)(?:_|^)(?:gpg|pgp)(?:_|$)");

  @Override
  public void checkStage(RuleContext ctx, Stage s) {
    for (Instruction i : s.instructions()) {
      if (i instanceof ArgInstruction a) {
        for (ArgDeclaration d : a.declarations()) {
          report(
              ctx, "ARG", d.name(), d.nameRange(), d.defaultValue().map(w -> w.value()).orElse(""));
        }
      } else if (i instanceof EnvInstruction e) {
        for (KeyValue kv : e.pairs()) {
          report(ctx, "ENV", kv.key().value(), kv.key().range(), kv.value().value());
        }
      }
    }
  }

  /** A value that is a path ({@code /kaniko/.config/x.json}): where a secret is, not the secret. */
  private static boolean path(String value) {
    String v = OUTER_QUOTES.matcher(value).replaceAll("");
    return v.startsWith("/") || v.startsWith("./") || v.startsWith("~/");
  }

  private static void report(
      RuleContext ctx, String instruction, String key, Range range, String value) {
    if (DENY.matcher(key).find()
        && !ALLOW.matcher(key).find()
        && !PUBLIC_KEYS.matcher(key).find()
        && !path(value)) {
      ctx.report(
          Finding.of(
              range,
              "Do not use ARG or ENV instructions for sensitive data ("
                  + instruction
                  + " \""
                  + key
                  + "\")"));
    }
  }
}
