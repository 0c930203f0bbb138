package dev.dockerlint.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used: unreadable, not YAML, or a key with a wrong value. The
 * message is one line naming the file, the line and the key.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String key;

  public ConfigException(Path file, int line, String key, String message) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + (key.isEmpty() ? "" : "'" + key + "': ")
            + message);
    this.file = file;
    this.line = line;
    this.key = key;
  }

  public ConfigException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
    this.line = 0;
    this.key = "";
  }

  public Path file() {
    return file;
  }

  /** 1-based; 0 when the problem is not on one line. */
  public int line() {
    return line;
  }

  /** The key whose value is wrong; empty when the problem is not one key's. */
  public String key() {
    return key;
  }
}
