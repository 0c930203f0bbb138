package dev.dockerlint.rules;

/**
 * The runtime errors a rule foresees, with the exact text the container runtime prints (after
 * {@code exec /path: }, or after {@code unable to find user NAME: } for the user databases), so
 * users recognise the failure they would otherwise meet at {@code docker run} or at a RUN step.
 */
public enum Predicts {
  EXEC_FORMAT_ERROR("exec format error"),
  NO_SUCH_FILE("no such file or directory"),
  PERMISSION_DENIED("permission denied"),
  NOT_FOUND_IN_PATH("executable file not found in $PATH"),
  NO_PASSWD_ENTRY("no matching entries in passwd file"),
  NO_GROUP_ENTRY("no matching entries in group file");

  private final String text;

  Predicts(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
