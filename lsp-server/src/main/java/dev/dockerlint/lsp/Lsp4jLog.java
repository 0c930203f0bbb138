package dev.dockerlint.lsp;

import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What lsp4j logs (through java.util.logging) goes to standard error as one line per record,
 * without the stack trace the JDK's console handler prints: a client that sends a frame without a
 * Content-Length header, say, gets one line there, and the server reads on.
 */
final class Lsp4jLog {
  /** Held so that the logger, and so its handler, is not collected. */
  private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

  /** The longest message written; the rest of it (often the client's raw input) is cut. */
  private static final int MAX = 300;

  private static final Handler ONE_LINE =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (isLoggable(r)) {
            System.err.println(line(r));
            System.err.flush();
          }
        }

        @Override
        public void flush() {
          System.err.flush();
        }

        @Override
        public void close() {}
      };

  private static final SimpleFormatter FORMAT = new SimpleFormatter();

  private Lsp4jLog() {}

  /** Routes lsp4j's log to standard error, one line per record (once per process). */
  static synchronized void toStandardErrorOneLine() {
    if (LSP4J.getUseParentHandlers()) {
      ONE_LINE.setLevel(Level.ALL);
      LSP4J.addHandler(ONE_LINE);
      LSP4J.setUseParentHandlers(false);
    }
  }

  /**
   * {@code dockerlint: lsp4j LEVEL: message}, with whitespace and control characters as single
   * spaces and at most {@link #MAX} characters of the message.
   */
  static String line(LogRecord r) {
    String m = FORMAT.formatMessage(r);
    String text = (m == null ? "" : m).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (text.length() > MAX) {
      text = text.substring(0, MAX) + "...";
    }
    return "dockerlint: lsp4j " + r.getLevel().getName().toLowerCase(Locale.ROOT) + ": " + text;
  }
}
