package dev.dockerlint.rules.parity;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellWord;
import java.util.ArrayList;
import java.util.List;

/** Package arguments of yum, dnf and zypper, and hadolint's idea of an rpm version. */
final class RpmPackages {
  private RpmPackages() {}

  static final List<String> DNF = List.of("dnf", "microdnf");

  /** The literal operands after {@code install}, without {@code install} and {@code module}. */
  static List<String> operands(ShellCommand c, String... skip) {
    List<String> out = new ArrayList<>();
    List<String> drop = new ArrayList<>(List.of(skip));
    for (ShellWord w : c.argsNoFlags()) {
      if (w.literal() && !drop.contains(w.value())) {
        out.add(w.value());
      }
    }
    return out;
  }

  /** {@code name-version[-release]}: after the first dash, all version characters, a digit. */
  static boolean versionFixed(String p) {
    String[] parts = p.split("-", -1);
    if (parts.length <= 1) {
      return false;
    }
    if (p.endsWith(".rpm")) {
      return true;
    }
    boolean digit = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        return false;
      }
      for (char ch : part.toCharArray()) {
        if (!(Character.isLetterOrDigit(ch) && ch < 128) && ".~^_:+".indexOf(ch) < 0) {
          return false;
        }
      }
      digit |= Character.isDigit(part.charAt(0));
    }
    return digit;
  }
}
