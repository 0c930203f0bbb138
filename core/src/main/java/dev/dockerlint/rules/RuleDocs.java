package dev.dockerlint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads a rule's documentation page ({@link RuleMeta#docResource()}) from the classpath. */
public final class RuleDocs {
  private RuleDocs() {}

  /** The Markdown page, or empty when the rule has none. */
  public static Optional<String> markdown(RuleMeta rule) {
    try (InputStream in = RuleDocs.class.getResourceAsStream(rule.docResource())) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + rule.docResource(), e);
    }
  }
}
