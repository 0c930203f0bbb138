package dev.dockerlint.shellcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One finding of ShellCheck in a script: 1-based line and column of its start and end (end column
 * exclusive, tabs counted as one column), {@code level} ({@code error}, {@code warning}, {@code
 * info}, {@code style}), the SC code number and the message.
 */
public record ShellcheckComment(
    int line, int column, int endLine, int endColumn, String level, int code, String message) {

  /**
   * A comment of ShellCheck's {@code json1} output, or of the disk cache, which stores the same
   * fields. Read from the tree by hand: binding the record through Jackson's bean introspection
   * costs a short run more than all the comments it reads.
   */
  static ShellcheckComment fromJson(JsonNode c) {
    return new ShellcheckComment(
        c.path("line").asInt(),
        c.path("column").asInt(),
        c.path("endLine").asInt(),
        c.path("endColumn").asInt(),
        c.path("level").asText(),
        c.path("code").asInt(),
        c.path("message").asText());
  }

  /** The fields as {@link #fromJson} reads them. */
  ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("line", line)
        .put("column", column)
        .put("endLine", endLine)
        .put("endColumn", endColumn)
        .put("level", level)
        .put("code", code)
        .put("message", message);
  }

  /** {@code SC2086}. */
  public String codeName() {
    return "SC" + code;
  }
}
