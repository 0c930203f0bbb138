package dev.dockerlint.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One simple command of a shell script: its program name and the words after it. {@code name} is
 * the first word when it is a literal; behind {@code busybox}, {@code builtin}, {@code command} and
 * {@code exec} it is the program they run, as ShellCheck reads it. {@code arguments} are all the
 * words after the first one; {@code subshell} tells whether it runs in a subshell ({@code ( )},
 * {@code $( )}, backticks), where {@code cd} and {@code set} do not reach the rest of the script.
 * Flags follow hadolint: {@code --name=value} is the flag {@code name}, {@code -abc} are the flags
 * {@code a}, {@code b} and {@code c}; {@code -} and {@code --} are none.
 */
public record ShellCommand(
    String name,
    ShellWord nameWord,
    List<ShellWord> arguments,
    int start,
    int end,
    boolean subshell) {

  public ShellCommand {
    arguments = List.copyOf(arguments);
  }

  /** The argument values. */
  public List<String> args() {
    List<String> out = new ArrayList<>(arguments.size());
    for (ShellWord w : arguments) {
      out.add(w.value());
    }
    return out;
  }

  /** Whether the command is {@code name} and one of its arguments is one of {@code values}. */
  public boolean is(String name, String... values) {
    if (!this.name.equals(name)) {
      return false;
    }
    if (values.length == 0) {
      return true;
    }
    for (ShellWord w : arguments) {
      for (String v : values) {
        if (w.value().equals(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the command is one of {@code names} and has one of {@code values} as an argument. */
  public boolean isAny(List<String> names, String... values) {
    for (String n : names) {
      if (is(n, values)) {
        return true;
      }
    }
    return false;
  }

  public boolean hasArg(String value) {
    for (ShellWord w : arguments) {
      if (w.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some argument starts with {@code prefix}. */
  public boolean hasArgStartingWith(String prefix) {
    for (ShellWord w : arguments) {
      if (w.value().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The flags of one argument, hadolint's way ({@code --a=b}: {@code a}; {@code -xy}: x, y). */
  public static List<String> flagsOf(String arg) {
    if (arg.equals("-") || arg.equals("--")) {
      return List.of();
    }
    if (arg.startsWith("--")) {
      int eq = arg.indexOf('=');
      return List.of(eq < 0 ? arg.substring(2) : arg.substring(2, eq));
    }
    if (arg.startsWith("-")) {
      List<String> out = new ArrayList<>();
      arg.substring(1).codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    return List.of();
  }

  private static boolean isFlag(ShellWord w) {
    return !flagsOf(w.value()).isEmpty();
  }

  /** How often the flag occurs. */
  public int countFlag(String flag) {
    int n = 0;
    for (ShellWord w : arguments) {
      for (String f : flagsOf(w.value())) {
        if (f.equals(flag)) {
          n++;
        }
      }
    }
    return n;
  }

  public boolean hasFlag(String flag) {
    return countFlag(flag) > 0;
  }

  public boolean hasAnyFlag(String... flags) {
    for (String f : flags) {
      if (hasFlag(f)) {
        return true;
      }
    }
    return false;
  }

  /** The arguments that are no flags. */
  public List<ShellWord> argsNoFlags() {
    List<ShellWord> out = new ArrayList<>();
    for (ShellWord w : arguments) {
      if (!isFlag(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The arguments without the values of the given flags: the word after {@code -t} or {@code
   * --target} (unless written {@code --target=x}) is the flag's value, not an operand.
   */
  public ShellCommand dropFlagValues(String... flags) {
    Set<String> drop = Set.of(flags);
    Set<Integer> skip = new HashSet<>();
    for (int i = 0; i < arguments.size(); i++) {
      String a = arguments.get(i).value();
      if (a.contains("=")) {
        continue;
      }
      for (String f : flagsOf(a)) {
        if (drop.contains(f) && i + 1 < arguments.size()) {
          skip.add(i + 1);
        }
      }
    }
    List<ShellWord> kept = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      if (!skip.contains(i)) {
        kept.add(arguments.get(i));
      }
    }
    return new ShellCommand(name, nameWord, kept, start, end, subshell);
  }

  /** The values given to a flag ({@code useradd -u 1000}: {@code u} gives {@code 1000}). */
  public List<String> flagValues(String flag) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      String a = arguments.get(i).value();
      if (a.contains("=")) {
        continue;
      }
      if (flagsOf(a).contains(flag) && i + 1 < arguments.size()) {
        out.add(arguments.get(i + 1).value());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return name + (arguments.isEmpty() ? "" : " " + String.join(" ", args()));
  }
}
