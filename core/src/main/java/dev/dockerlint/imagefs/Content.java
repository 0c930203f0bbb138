package dev.dockerlint.imagefs;

import dev.dockerlint.context.ContextEntry;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.FileEntry;
import dev.dockerlint.syntax.Instruction;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is known about the bytes of a file: its {@link FileFacts} (read lazily and at most once,
 * with bounded reads) and the RUN lines known to have rewritten its line endings ({@code dos2unix},
 * {@code sed -i 's/\r$//'}), which repair a CRLF {@code #!} line and, for {@code dos2unix}, a byte
 * order mark. Immutable and thread-safe.
 */
public final class Content {
  private static final Content UNKNOWN =
      new Content(Optional::empty, Optional.empty(), Optional.empty());

  private final Supplier<Optional<FileFacts>> facts;
  private final Optional<Instruction> lineEndingsFixedBy;
  private final Optional<Instruction> bomMaybeRemovedBy;

  private Content(
      Supplier<Optional<FileFacts>> facts,
      Optional<Instruction> lineEndingsFixedBy,
      Optional<Instruction> bomMaybeRemovedBy) {
    this.facts = facts;
    this.lineEndingsFixedBy = lineEndingsFixedBy;
    this.bomMaybeRemovedBy = bomMaybeRemovedBy;
  }

  /** Bytes nobody can tell anything about (a download, a file written by a RUN). */
  public static Content unknown() {
    return UNKNOWN;
  }

  /** A file of the build context; its facts are read on first use. */
  public static Content of(ContextEntry entry) {
    return new Content(memoize(entry::facts), Optional.empty(), Optional.empty());
  }

  /** A file of an image's filesystem. */
  public static Content of(FileEntry entry) {
    return new Content(entry::facts, Optional.empty(), Optional.empty());
  }

  /** A file whose bytes are given (a heredoc). */
  public static Content of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new Content(
        memoize(() -> Optional.of(FileFacts.of(copy, copy.length))),
        Optional.empty(),
        Optional.empty());
  }

  private static Supplier<Optional<FileFacts>> memoize(Supplier<Optional<FileFacts>> s) {
    return new Supplier<>() {
      private volatile Optional<FileFacts> value;

      @Override
      public Optional<FileFacts> get() {
        Optional<FileFacts> v = value;
        if (v == null) {
          v = s.get();
          value = v;
        }
        return v;
      }
    };
  }

  /** The facts of the original bytes, if they are known. */
  public Optional<FileFacts> facts() {
    return facts.get();
  }

  /** The RUN that converted CRLF line endings to LF, if one did. */
  public Optional<Instruction> lineEndingsFixedBy() {
    return lineEndingsFixedBy;
  }

  /** The RUN that may have removed a UTF-8 byte order mark ({@code dos2unix}), if one did. */
  public Optional<Instruction> bomMaybeRemovedBy() {
    return bomMaybeRemovedBy;
  }

  /**
   * The same bytes after {@code run} turned CRLF into LF; {@code bom} when it may also have removed
   * a byte order mark.
   */
  public Content withLineEndingsFixed(Instruction run, boolean bom) {
    return new Content(facts, Optional.of(run), bom ? Optional.of(run) : bomMaybeRemovedBy);
  }
}
