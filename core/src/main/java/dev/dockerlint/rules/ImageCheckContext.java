package dev.dockerlint.rules;

import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import java.util.function.Consumer;

/**
 * What an {@link ImageCheck} sees of one platform of an image, and where it reports. An image has
 * no lines: every finding is at {@link #IMAGE} (line 1, column 1, empty), and its message names the
 * path inside the image.
 */
public final class ImageCheckContext {
  /** Where image findings are: the start of the "file" that stands for the image. */
  public static final Range IMAGE = new Range(new Position(0, 0), new Position(0, 0));

  private final RuleMeta meta;
  private final ImageInput input;
  private final Consumer<Diagnostic> sink;

  public ImageCheckContext(RuleMeta meta, ImageInput input, Consumer<Diagnostic> sink) {
    this.meta = meta;
    this.input = input;
    this.sink = sink;
  }

  public ImageInput input() {
    return input;
  }

  public RuleMeta meta() {
    return meta;
  }

  public void report(Finding f) {
    sink.accept(Diagnostic.of(meta, f));
  }

  /** Reports {@code message} about {@code path} in the image (empty: about its config). */
  public void report(String path, String message) {
    report(Finding.of(IMAGE, message).withImage(place(input, path)));
  }

  /** Where {@code path} is: in this image, for this platform. */
  public static ImagePlace place(ImageInput input, String path) {
    return ImagePlace.of(input.name(), input.platform().toString(), path);
  }
}
