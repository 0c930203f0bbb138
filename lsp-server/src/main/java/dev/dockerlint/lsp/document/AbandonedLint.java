package dev.dockerlint.lsp.document;

import java.time.Duration;

/**
 * A lint of a document that ran longer than the language server allows: it was left running on its
 * thread, and the server went on linting the other documents on a new one. Until it ends, the
 * document's diagnostics are one internal error saying so, and nothing lints the document again
 * (which would only leave another thread running). Handed on from version to version of the
 * document ({@link DocumentModel#handOn}).
 */
public final class AbandonedLint {
  private final int version;
  private final Duration limit;
  private volatile boolean ended;

  public AbandonedLint(int version, Duration limit) {
    this.version = version;
    this.limit = limit;
  }

  /** The version whose lint was left running. */
  public int version() {
    return version;
  }

  /** How long the lint ran before it was left. */
  public Duration limit() {
    return limit;
  }

  /** Whether the lint left running has not ended yet. */
  public boolean running() {
    return !ended;
  }

  /** What a thread waiting for the report of a lint left running gets. */
  public static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Abandoned() {
      super("the lint was left running", null, false, false);
    }
  }

  /** The lint left running has ended: the document is linted again. */
  public void ended() {
    ended = true;
  }
}
