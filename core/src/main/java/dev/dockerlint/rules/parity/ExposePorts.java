package dev.dockerlint.rules.parity;

import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.ExposeInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** EXPOSE ports split the way BuildKit splits them: {@code [ip:][hostPort:]port[/proto]}. */
final class ExposePorts {
  private ExposePorts() {}

  /** One port as written, its parts, and where it is when it is written literally. */
  record Port(
      String raw,
      String ip,
      String hostPort,
      String containerPort,
      String proto,
      Word word,
      boolean literal) {
    Range range() {
      return word.range();
    }
  }

  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

  /**
   * The ports of every EXPOSE of stage {@code s}, after variable expansion; only those with a valid
   * protocol.
   */
  static List<Port> of(RuleContext ctx, Stage s) {
    List<Port> out = new ArrayList<>();
    for (Instruction i : s.instructions()) {
      if (!(i instanceof ExposeInstruction e)) {
        continue;
      }
      for (Word w : e.ports()) {
        String expanded =
            w.value().contains("$")
                ? ctx.model().expand(w.value(), s.scopeBefore(i)).orElse(w.value())
                : w.value();
        for (String raw : expanded.trim().split("\\s+")) {
          if (raw.isEmpty()) {
            continue;
          }
          String[] parts = raw.split(":", -1);
          String ip = "";
          String host = "";
          String container;
          if (parts.length == 1) {
            container = parts[0];
          } else if (parts.length == 2) {
            host = parts[0];
            container = parts[1];
          } else {
            int n = parts.length;
            ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2));
            host = parts[n - 2];
            container = parts[n - 1];
          }
          int slash = container.indexOf('/');
          String port = slash < 0 ? container : container.substring(0, slash);
          String proto = slash < 0 ? "" : container.substring(slash + 1);
          if (port.isEmpty()
              || (!proto.isEmpty() && !PROTOCOLS.contains(proto.toLowerCase(Locale.ROOT)))) {
            continue;
          }
          out.add(new Port(raw, ip, host, port, proto, w, raw.equals(w.value())));
        }
      }
    }
    return out;
  }
}
