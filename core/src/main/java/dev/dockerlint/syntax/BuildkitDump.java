package dev.dockerlint.syntax;

import dev.dockerlint.grammar.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a syntax tree in the format of BuildKit's parser tests ({@code testfiles/* /result}): one
 * line per instruction, {@code (keyword ["flags"] "arg" ...)}. Used for conformance with BuildKit
 * and by {@code dockerlint parse --format buildkit}.
 */
public final class BuildkitDump {
  private BuildkitDump() {}

  /** The dump of every instruction, each line ending in {@code \n}. */
  public static String dump(Dockerfile file) {
    StringBuilder sb = new StringBuilder();
    for (Instruction i : file.instructions()) {
      sb.append('(').append(dump(i)).append(")\n");
    }
    return sb.toString();
  }

  /** One instruction, without the outer parentheses. */
  public static String dump(Instruction instruction) {
    StringBuilder sb = new StringBuilder(instruction.keyword().text().toLowerCase(Locale.ROOT));
    List<String> flags = new ArrayList<>();
    for (Flag f : instruction.flags()) {
      flags.add(f.text());
    }
    if (!flags.isEmpty()) {
      sb.append(" [");
      for (int i = 0; i < flags.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(GoText.quote(flags.get(i)));
      }
      sb.append(']');
    }
    if (instruction instanceof OnbuildInstruction o) {
      o.trigger().ifPresent(t -> sb.append(" (").append(dump(t)).append(')'));
      return sb.toString().strip();
    }
    for (String a : arguments(instruction)) {
      sb.append(' ').append(GoText.quote(a));
    }
    return sb.toString().strip();
  }

  /** The values BuildKit's parser chains after the keyword. */
  static List<String> arguments(Instruction instruction) {
    List<String> out = new ArrayList<>();
    if (instruction instanceof FromInstruction i) {
      words(i.words(), out);
    } else if (instruction instanceof ExposeInstruction i) {
      words(i.ports(), out);
    } else if (instruction instanceof CopyInstruction i) {
      words(i.words(), out);
    } else if (instruction instanceof AddInstruction i) {
      words(i.words(), out);
    } else if (instruction instanceof VolumeInstruction i) {
      words(i.paths(), out);
    } else if (instruction instanceof RunInstruction i) {
      i.command().ifPresent(c -> command(c, out));
    } else if (instruction instanceof CmdInstruction i) {
      i.command().ifPresent(c -> command(c, out));
    } else if (instruction instanceof EntrypointInstruction i) {
      i.command().ifPresent(c -> command(c, out));
    } else if (instruction instanceof ShellInstruction i) {
      i.command().ifPresent(c -> command(c, out));
    } else if (instruction instanceof EnvInstruction i) {
      pairs(i.pairs(), out);
    } else if (instruction instanceof LabelInstruction i) {
      pairs(i.pairs(), out);
    } else if (instruction instanceof ArgInstruction i) {
      i.declarations().forEach(d -> out.add(d.word().value()));
    } else if (instruction instanceof UserInstruction i) {
      i.value().ifPresent(w -> out.add(w.value()));
    } else if (instruction instanceof WorkdirInstruction i) {
      i.value().ifPresent(w -> out.add(w.value()));
    } else if (instruction instanceof MaintainerInstruction i) {
      i.value().ifPresent(w -> out.add(w.value()));
    } else if (instruction instanceof StopsignalInstruction i) {
      i.value().ifPresent(w -> out.add(w.value()));
    } else if (instruction instanceof HealthcheckInstruction i) {
      i.type().ifPresent(t -> out.add(t.value()));
      i.command().ifPresent(c -> command(c, out));
    } else if (instruction instanceof UnknownInstruction) {
      out.add("");
    }
    return out;
  }

  private static void words(List<Word> words, List<String> out) {
    words.forEach(w -> out.add(w.value()));
  }

  private static void command(Command c, List<String> out) {
    if (c instanceof Command.ExecForm e) {
      words(e.arguments(), out);
    } else if (c instanceof Command.ShellForm s) {
      out.add(s.text().value());
    }
  }

  private static void pairs(List<KeyValue> pairs, List<String> out) {
    for (KeyValue kv : pairs) {
      out.add(kv.key().value());
      out.add(kv.value().value());
      out.add(kv.legacy() ? "" : "=");
    }
  }
}
