package dev.dockerlint.semantic;

import java.util.Optional;

/** What a stage starts from: nothing ({@code scratch}), an earlier stage, or an image. */
public sealed interface Base {

  /** {@code FROM scratch}: an empty filesystem, no shell, no environment. */
  record Scratch() implements Base {}

  /** {@code FROM <earlier stage name>}. */
  record StageBase(int stageIndex) implements Base {}

  /**
   * {@code FROM <image>}: {@code text} after variable expansion; {@code ref} when it parses as an
   * image reference ({@code complete} is false when a variable in it had no value).
   */
  record ImageBase(String text, Optional<ImageRef> ref, boolean complete) implements Base {}
}
