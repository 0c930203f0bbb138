package dev.dockerlint.syntax;

/** Helpers for writing Dockerfile text in fixes. */
public final class DockerfileText {
  private DockerfileText() {}

  /**
   * {@code value} in double quotes for a key=value instruction (ENV, LABEL, ARG): quotes, dollar
   * signs and the escape character itself are escaped, so BuildKit reads back exactly {@code
   * value}.
   */
  public static String doubleQuote(String value, int escape) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '$' || c == escape) {
        sb.append((char) escape);
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** {@code value} as a JSON string, for exec-form arrays. */
  public static String jsonString(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
