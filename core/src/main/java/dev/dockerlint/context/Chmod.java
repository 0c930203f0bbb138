package dev.dockerlint.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The value of {@code COPY --chmod} / {@code ADD --chmod}: octal ({@code 755}, up to {@code 07777})
 * or, since Dockerfile 1.14, symbolic like chmod(1) ({@code +x}, {@code u=rwX,go=rX}, {@code g=u}).
 *
 * <p>Parsing follows BuildKit: a value that parses as octal must not exceed {@code 07777}; anything
 * else is read with BSD {@code setmode} rules as BuildKit's {@code dchapes-mode} fork implements
 * them, with a umask of 0 (so {@code +x} means {@code a+x}). A symbolic mode is applied to each
 * copied entry: {@code X} adds execute permission only to directories and to files that already
 * have an execute bit, and {@code s}/{@code t} are ignored for "other" alone. An invalid value
 * fails the build; here it is a value with an {@link #error()}.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy---chmod">COPY --chmod</a>
 */
public final class Chmod {
  private static final int SUID = 04000;
  private static final int SGID = 02000;
  private static final int STICKY = 01000;
  private static final int USER = 0700;
  private static final int GROUP = 0070;
  private static final int OTHER = 0007;
  private static final int STANDARD = SUID | SGID | USER | GROUP | OTHER;

  /** One step of a symbolic mode. */
  private record Step(char op, int bits, char copyFrom, int targets) {}

  private final String text;
  private final OptionalInt octal;
  private final List<Step> steps;
  private final Optional<String> error;

  private Chmod(String text, OptionalInt octal, List<Step> steps, Optional<String> error) {
    this.text = text;
    this.octal = octal;
    this.steps = List.copyOf(steps);
    this.error = error;
  }

  /** Parses a {@code --chmod} value; never throws. */
  public static Chmod parse(String text) {
    Objects.requireNonNull(text, "text");
    String octalError =
        "invalid chmod parameter: '"
            + text
            + "'. it should be octal string and between 0 and 07777";
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '7')) {
      long value = text.length() > 11 ? Long.MAX_VALUE : Long.parseLong(text, 8);
      if (value > 07777) {
        return invalid(text, octalError);
      }
      return new Chmod(text, OptionalInt.of((int) value), List.of(), Optional.empty());
    }
    if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
      return invalid(text, octalError);
    }
    List<Step> steps = new ArrayList<>();
    String problem = parseSymbolic(text, steps);
    if (problem != null) {
      return invalid(text, "invalid chmod parameter: '" + text + "': " + problem);
    }
    return new Chmod(text, OptionalInt.empty(), steps, Optional.empty());
  }

  private static Chmod invalid(String text, String why) {
    return new Chmod(text, OptionalInt.empty(), List.of(), Optional.of(why));
  }

  /** Builds the steps of a symbolic mode; returns why it is invalid, or null. */
  private static String parseSymbolic(String s, List<Step> steps) {
    int i = 0;
    while (true) {
      int who = 0;
      while (true) {
        if (i >= s.length()) {
          return "missing operator";
        }
        char c = s.charAt(i);
        if (c == 'a') {
          who |= STANDARD;
        } else if (c == 'u') {
          who |= SUID | USER;
        } else if (c == 'g') {
          who |= SGID | GROUP;
        } else if (c == 'o') {
          who |= OTHER;
        } else {
          break;
        }
        i++;
      }
      do {
        char op = s.charAt(i++);
        if (op != '+' && op != '-' && op != '=') {
          return "unexpected '" + op + "'";
        }
        int clauseWho = who;
        int perm = 0;
        boolean x = false;
        boolean equalDone = false;
        while (i < s.length() && "rwxXstugo".indexOf(s.charAt(i)) >= 0) {
          char p = s.charAt(i++);
          switch (p) {
            case 'r' -> perm |= 0444;
            case 'w' -> perm |= 0222;
            case 'x' -> perm |= 0111;
            case 'X' -> {
              if (op == '-') {
                perm |= 0111;
              } else {
                x = true;
              }
            }
            case 's' -> {
              if (clauseWho == 0 || (clauseWho & ~OTHER) != 0) {
                perm |= SUID | SGID;
              }
            }
            case 't' -> {
              if (clauseWho == 0 || (clauseWho & ~OTHER) != 0) {
                clauseWho |= STICKY;
                perm |= STICKY;
              }
            }
            default -> {
              // 'u', 'g', 'o' copy that class's bits; what came before is applied first.
              if (perm != 0) {
                addSteps(steps, op, clauseWho, perm);
                perm = 0;
              }
              equalDone |= op == '=';
              if (x) {
                steps.add(new Step('X', mask(clauseWho) & 0111, ' ', 0));
                x = false;
              }
              steps.add(new Step(op, 0, p, clauseWho == 0 ? USER | GROUP | OTHER : clauseWho));
            }
          }
        }
        if (perm != 0 || (op == '=' && !equalDone)) {
          addSteps(steps, op, clauseWho, perm);
        }
        if (x) {
          steps.add(new Step('X', mask(clauseWho) & 0111, ' ', 0));
        }
      } while (i < s.length() && s.charAt(i) != ',');
      if (i >= s.length()) {
        return null;
      }
      i++;
    }
  }

  /** BSD {@code addcmd} for {@code +}, {@code -} and {@code =} (a clear, then a set). */
  private static void addSteps(List<Step> steps, char op, int who, int perm) {
    if (op == '=') {
      steps.add(new Step('-', who == 0 ? STANDARD : who, ' ', 0));
    }
    steps.add(new Step(op == '-' ? '-' : '+', mask(who) & perm, ' ', 0));
  }

  private static int mask(int who) {
    return who == 0 ? 07777 : who;
  }

  /** The value as written. */
  public String text() {
    return text;
  }

  /** Why BuildKit would refuse the value, if it would. */
  public Optional<String> error() {
    return error;
  }

  /** The octal mode, if the value is octal. */
  public OptionalInt octal() {
    return octal;
  }

  /** Whether the value is symbolic (and valid). */
  public boolean symbolic() {
    return error.isEmpty() && octal.isEmpty();
  }

  /**
   * The mode an entry gets: the octal value, or the symbolic changes applied to {@code mode}. An
   * invalid value changes nothing.
   */
  public int apply(int mode, boolean directory) {
    if (error.isPresent()) {
      return mode & 07777;
    }
    if (octal.isPresent()) {
      return octal.getAsInt();
    }
    int original = mode & 07777;
    int m = original;
    for (Step step : steps) {
      switch (step.op) {
        case '+' -> m |= step.bits;
        case '-' -> m &= ~step.bits;
        case 'X' -> {
          if ((original & 0111) != 0 || directory) {
            m |= step.bits;
          }
        }
        default -> m = copy(m, step);
      }
    }
    return m & 07777;
  }

  private static int copy(int m, Step step) {
    int value =
        switch (step.copyFrom) {
          case 'u' -> (m & USER) >> 6;
          case 'g' -> (m & GROUP) >> 3;
          default -> m & OTHER;
        };
    int[] shifts = {6, 3, 0};
    int[] classes = {USER, GROUP, OTHER};
    for (int k = 0; k < 3; k++) {
      if ((step.targets & classes[k]) == 0) {
        continue;
      }
      if (step.op == '-') {
        m &= ~(value << shifts[k]);
      } else if (step.op == '=') {
        m &= ~(7 << shifts[k]);
        m |= value << shifts[k];
      } else {
        m |= value << shifts[k];
      }
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Chmod c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
