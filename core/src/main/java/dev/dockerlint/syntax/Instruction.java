package dev.dockerlint.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One instruction of a Dockerfile: a logical line (continuations joined) plus the heredoc bodies it
 * opened. Each kind has its own record with typed arguments; what all share is in {@link Header}.
 */
public sealed interface Instruction
    permits FromInstruction,
        RunInstruction,
        CmdInstruction,
        EntrypointInstruction,
        ShellInstruction,
        CopyInstruction,
        AddInstruction,
        VolumeInstruction,
        EnvInstruction,
        LabelInstruction,
        ArgInstruction,
        ExposeInstruction,
        UserInstruction,
        WorkdirInstruction,
        MaintainerInstruction,
        StopsignalInstruction,
        HealthcheckInstruction,
        OnbuildInstruction,
        UnknownInstruction {

  /**
   * What every instruction has. {@code range} runs from the keyword to the end of the last argument
   * (or of the last heredoc terminator); {@code firstLine}/{@code lastLine} (0-based) are the
   * physical lines BuildKit attributes to it, which include comment and blank lines inside a
   * continuation and the heredoc bodies. {@code arguments} is the argument text after the flags, as
   * BuildKit passes it on (trimmed; may be empty).
   */
  record Header(
      Keyword keyword,
      List<Flag> flags,
      Range range,
      int firstLine,
      int lastLine,
      Word arguments,
      List<Heredoc> heredocs) {
    public Header {
      flags = List.copyOf(flags);
      heredocs = List.copyOf(heredocs);
    }
  }

  Header header();

  default Keyword keyword() {
    return header().keyword();
  }

  default InstructionKind kind() {
    return header().keyword().kind();
  }

  default Range range() {
    return header().range();
  }

  default List<Flag> flags() {
    return header().flags();
  }

  /** The first flag with that name (without the leading dashes). */
  default Optional<Flag> flag(String name) {
    for (Flag f : header().flags()) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every flag with that name, in order (RUN may have several {@code --mount}). */
  default List<Flag> flags(String name) {
    List<Flag> out = null;
    for (Flag f : header().flags()) {
      if (f.name().equals(name)) {
        if (out == null) {
          out = new ArrayList<>(1);
        }
        out.add(f);
      }
    }
    return out == null ? List.of() : List.copyOf(out);
  }

  default List<Heredoc> heredocs() {
    return header().heredocs();
  }

  default Word arguments() {
    return header().arguments();
  }
}
