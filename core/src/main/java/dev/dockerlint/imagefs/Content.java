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
  private static final Content UNKNOWN = new Content(Optional::empty, Optional.empty(), false);

  private final Supplier<Optional<FileFacts>> facts;
  private final Optional<Instruction> lineEndingsFixedBy;
  private final boolean bomRemoved;

  private Content(
      Supplier<Optional<FileFacts>> facts,
      Optional<Instruction> lineEndingsFixedBy,
      boolean bomRemoved) {
    this.facts = facts;
    this.lineEndingsFixedBy = lineEndingsFixedBy;
    this.bomRemoved = bomRemoved;
  }

  /** Bytes nobody can tell anything about (a download, a file written by a RUN). */
  public static Content unknown() {
    return UNKNOWN;
  }

  /** A file of the build context; its facts are read on first use. */
  public static Content of(ContextEntry entry) {
    return new Content(memoize(entry::facts), Optional.empty(), false);
  }

  /** A file of an image's filesystem. */
  public static Content of(FileEntry entry) {
    return new Content(entry::facts, Optional.empty(), false);
  }

  /** A file whose bytes are given (a heredoc). */
  public static Content of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new Content(
        memoize(() -> Optional.of(FileFacts.of(copy, copy.length))), Optional.empty(), false);
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

  /** Whether a RUN removed a UTF-8 byte order mark ({@code dos2unix} does). */
  public boolean bomRemoved() {
    return bomRemoved;
  }

  /** The same bytes after {@code run} turned CRLF into LF (and removed a BOM, if {@code bom}). */
  public Content withLineEndingsFixed(Instruction run, boolean bom) {
    return new Content(facts, Optional.of(run), bom || bomRemoved);
  }
}
