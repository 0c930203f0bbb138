package dev.dockerlint.output;

import java.io.Writer;
import java.util.List;

/** Writes the results of a run in one output format. */
public interface Formatter {
  void write(List<FileResult> results, Writer out);
}
