package dev.dockerlint.filefacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How GNU coreutils {@code env} reads the single argument a {@code #!/usr/bin/env ...} line gives
 * it, to tell which program the script really runs.
 *
 * <p>Without {@code -S} the argument is one word: {@code #!/usr/bin/env python3 -u} makes {@code
 * env} look for a program literally named {@code "python3 -u"} ("No such file or directory"), and
 * {@code #!/usr/bin/env FOO=1 node} sets {@code FOO} to {@code "1 node"} and runs nothing. With
 * {@code -S} (coreutils 8.30 and later, not BusyBox) the argument is split at spaces and tabs, with
 * quotes, backslash escapes and {@code ${VAR}} expansion, and leading {@code NAME=VALUE} words set
 * variables. A carriage return is not a separator, so CRLF lines still break.
 *
 * @param splitString whether {@code -S} (or {@code --split-string}) split the argument
 * @param assignments leading {@code NAME=VALUE} words
 * @param program the program {@code env} will look up in {@code PATH}
 * @param arguments the program's arguments (the script path follows them)
 * @param problem why this {@code env} call will not run the intended program, if it will not
 */
public record EnvInvocation(
    boolean splitString,
    List<String> assignments,
    Optional<String> program,
    List<String> arguments,
    Optional<String> problem) {

  private static final Pattern SPLIT_OPTION = Pattern.compile("-[iv0]*S(.*)", Pattern.DOTALL);
  private static final String SPLIT_LONG = "--split-string=";

  public EnvInvocation {
    assignments = List.copyOf(assignments);
    Objects.requireNonNull(program, "program");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(problem, "problem");
  }

  /** Reads {@code env}'s view of the kernel-supplied argument. */
  static EnvInvocation parse(Optional<String> kernelArgument) {
    if (kernelArgument.isEmpty()) {
      return new EnvInvocation(
          false,
          List.of(),
          Optional.empty(),
          List.of(),
          Optional.of(
              "env without a program prints the environment instead of running the script"));
    }
    String arg = kernelArgument.get();
    Matcher split = SPLIT_OPTION.matcher(arg);
    if (split.matches()) {
      return fromWords(true, splitWords(split.group(1)));
    }
    if (arg.startsWith(SPLIT_LONG)) {
      return fromWords(true, splitWords(arg.substring(SPLIT_LONG.length())));
    }
    if (arg.startsWith("-") && !arg.equals("-") && containsBlank(arg)) {
      return new EnvInvocation(
          false,
          List.of(),
          Optional.empty(),
          List.of(),
          Optional.of(
              "env receives '"
                  + arg
                  + "' as one word and rejects it as options; use -S to pass options in a #! line"));
    }
    EnvInvocation plain = fromWords(false, new Words(List.of(arg), Optional.empty()));
    if (plain.program.isPresent() && containsBlank(plain.program.get())) {
      return new EnvInvocation(
          false,
          plain.assignments,
          plain.program,
          plain.arguments,
          Optional.of(
              "env looks for a program named '"
                  + plain.program.get()
                  + "' (the kernel passes everything after the interpreter as one argument);"
                  + " use '#!/usr/bin/env -S ...'"));
    }
    return plain;
  }

  private static boolean containsBlank(String s) {
    return s.indexOf(' ') >= 0 || s.indexOf('\t') >= 0;
  }

  private static EnvInvocation fromWords(boolean split, Words words) {
    List<String> w = words.words;
    int i = 0;
    if (split) {
      while (i < w.size() && w.get(i).startsWith("-") && !w.get(i).equals("-")) {
        String option = w.get(i);
        if (option.equals("--")) {
          i++;
          break;
        }
        boolean takesValue = option.equals("-u") || option.equals("-C");
        i += takesValue ? 2 : 1;
      }
    }
    if (i < w.size() && w.get(i).equals("-")) {
      i++;
    }
    List<String> assignments = new ArrayList<>();
    while (i < w.size() && w.get(i).indexOf('=') >= 0) {
      assignments.add(w.get(i));
      i++;
    }
    Optional<String> program = i < w.size() ? Optional.of(w.get(i)) : Optional.empty();
    List<String> arguments = i + 1 < w.size() ? w.subList(i + 1, w.size()) : List.of();
    Optional<String> problem = words.problem;
    if (problem.isEmpty() && program.isEmpty()) {
      problem =
          Optional.of("env without a program prints the environment instead of running the script");
    }
    return new EnvInvocation(split, assignments, program, arguments, problem);
  }

  private record Words(List<String> words, Optional<String> problem) {}

  /**
   * Splits an {@code -S} string as coreutils' {@code build_argv} does: spaces and tabs separate
   * words outside quotes; {@code '...'} is literal except {@code \\} and {@code \'}; {@code "..."}
   * allows escapes; {@code \_} separates words (a space inside double quotes); {@code \c} and a
   * {@code #} starting a word end the string; {@code ${VAR}} is kept as written since the
   * environment is unknown here.
   */
  private static Words splitWords(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean sq = false;
    boolean dq = false;
    int i = 0;
    loop:
    while (i < s.length()) {
      char c = s.charAt(i);
      switch (c) {
        case '\'' -> {
          if (dq) {
            word.append(c);
          } else {
            sq = !sq;
          }
          inWord = true;
          i++;
        }
        case '"' -> {
          if (sq) {
            word.append(c);
          } else {
            dq = !dq;
          }
          inWord = true;
          i++;
        }
        case ' ', '\t' -> {
          if (sq || dq) {
            word.append(c);
            i++;
          } else {
            if (inWord) {
              words.add(word.toString());
              word.setLength(0);
              inWord = false;
            }
            i++;
          }
        }
        case '#' -> {
          if (!inWord && !sq && !dq) {
            break loop;
          }
          word.append(c);
          i++;
        }
        case '\\' -> {
          if (i + 1 >= s.length()) {
            return new Words(words, Optional.of("invalid backslash at end of string in -S"));
          }
          char next = s.charAt(i + 1);
          if (sq && next != '\\' && next != '\'') {
            word.append(c);
            inWord = true;
            i++;
            continue;
          }
          i += 2;
          switch (next) {
            case '\\', '\'', '#', '$', '"' -> word.append(next);
            case '_' -> {
              if (dq) {
                word.append(' ');
              } else {
                if (inWord) {
                  words.add(word.toString());
                  word.setLength(0);
                  inWord = false;
                }
                continue;
              }
            }
            case 'c' -> {
              break loop;
            }
            case 'f' -> word.append('\f');
            case 'n' -> word.append('\n');
            case 'r' -> word.append('\r');
            case 't' -> word.append('\t');
            case 'v' -> word.append('\u000b');
            default -> {
              return new Words(words, Optional.of("invalid sequence '\\" + next + "' in -S"));
            }
          }
          inWord = true;
        }
        default -> {
          word.append(c);
          inWord = true;
          i++;
        }
      }
    }
    if (sq || dq) {
      return new Words(words, Optional.of("no terminating quote in -S string"));
    }
    if (inWord) {
      words.add(word.toString());
    }
    return new Words(List.copyOf(words), Optional.empty());
  }
}
