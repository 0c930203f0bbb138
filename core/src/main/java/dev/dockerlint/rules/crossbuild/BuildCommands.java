package dev.dockerlint.rules.crossbuild;

import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RUN commands do, as far as cross-compilation is concerned: which compile a native program
 * (and with which toolchain), and whether a stage knows the target platform at all. Commands are
 * found at command positions of the shell text (after {@code ;}, {@code &&}, {@code |}, newlines,
 * variable assignments, {@code env}, {@code sudo} ...), so that {@code apt-get install golang-go
 * build-essential} is no {@code go build}.
 */
public final class BuildCommands {
  private BuildCommands() {}

  /** A toolchain that compiles native programs. */
  public enum Toolchain {
    GO,
    RUST,
    C,
    DOTNET,
    OTHER
  }

  /**
   * A compile command found in a RUN: its toolchain, its text as found ({@code go build}) and the
   * whole simple command it starts.
   */
  public record Compile(Toolchain toolchain, String name, String command) {}

  private static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||[;|&\\n(){}`]|\\$\\(");
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=(\"[^\"]*\"|'[^']*'|\\S*)\\s+");
  private static final Set<String> WRAPPERS =
      Set.of("sudo", "env", "exec", "time", "nice", "then", "do", "else", "!", "command");

  /** The command text of a RUN: shell-form text and heredoc bodies, or exec-form arguments. */
  public static String text(RunInstruction run) {
    StringBuilder sb = new StringBuilder();
    Optional<Command> c = run.command();
    if (c.isPresent() && c.get() instanceof Command.ShellForm s) {
      sb.append(s.text().value());
    } else if (c.isPresent() && c.get() instanceof Command.ExecForm e) {
      for (Word w : e.arguments()) {
        sb.append(w.value()).append(' ');
      }
    }
    for (Heredoc h : run.heredocs()) {
      sb.append('\n').append(h.effectiveContent());
    }
    return sb.toString();
  }

  /** The simple commands of a shell text, each without leading assignments and wrappers. */
  public static List<String> simpleCommands(String text) {
    List<String> out = new ArrayList<>();
    for (String part : SEPARATORS.split(text)) {
      String s = part.replace("\\\n", " ").trim();
      boolean changed = true;
      while (changed && !s.isEmpty()) {
        changed = false;
        Matcher m = ASSIGNMENT.matcher(s);
        if (m.find()) {
          s = s.substring(m.end()).trim();
          changed = true;
          continue;
        }
        String first = s.split("\\s+", 2)[0];
        if (WRAPPERS.contains(first)) {
          s = s.substring(first.length()).trim();
          changed = true;
        }
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The first compile of a native program in a RUN, if any. */
  public static Optional<Compile> compile(RunInstruction run) {
    for (String command : simpleCommands(text(run))) {
      Optional<Compile> c = compile(command);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /**
   * The first compile in a RUN whose toolchain cross-compiles out of the box: {@code go build} or
   * {@code go install}, {@code dotnet publish} or {@code dotnet build} (any output).
   */
  public static Optional<Compile> crossCompilable(RunInstruction run) {
    for (String command : simpleCommands(text(run))) {
      String[] words = command.split("\\s+");
      String program = words[0].substring(words[0].lastIndexOf('/') + 1);
      String second = words.length > 1 ? words[1] : "";
      if (program.equals("dotnet") && (second.equals("publish") || second.equals("build"))) {
        return found(Toolchain.DOTNET, "dotnet " + second, command);
      }
      Optional<Compile> c = compile(command);
      if (c.isPresent() && c.get().toolchain() == Toolchain.GO) {
        return c;
      }
    }
    return Optional.empty();
  }

  static Optional<Compile> compile(String command) {
    String[] words = command.split("\\s+");
    String program = words[0].substring(words[0].lastIndexOf('/') + 1);
    String second = words.length > 1 ? words[1] : "";
    String lower = command.toLowerCase(Locale.ROOT);
    switch (program) {
      case "go" -> {
        if (second.equals("build") || second.equals("install")) {
          return found(Toolchain.GO, "go " + second, command);
        }
      }
      case "cargo" -> {
        if (second.equals("build") || second.equals("install") || second.equals("rustc")) {
          return found(Toolchain.RUST, "cargo " + second, command);
        }
      }
      case "rustc" -> {
        return found(Toolchain.RUST, "rustc", command);
      }
      case "gcc", "g++", "cc", "c++", "clang", "clang++", "gfortran" -> {
        return found(Toolchain.C, program, command);
      }
      case "make", "ninja", "scons" -> {
        return found(Toolchain.C, program, command);
      }
      case "cmake" -> {
        if (lower.contains("--build")) {
          return found(Toolchain.C, "cmake --build", command);
        }
      }
      case "meson" -> {
        if (second.equals("compile")) {
          return found(Toolchain.C, "meson compile", command);
        }
      }
      case "dotnet" -> {
        boolean nativeOutput =
            lower.contains("--self-contained")
                || lower.contains("publishaot")
                || lower.contains("publishsinglefile")
                || lower.contains("--use-current-runtime")
                || lower.contains("--ucr");
        if ((second.equals("publish") || second.equals("build")) && nativeOutput) {
          return found(Toolchain.DOTNET, "dotnet " + second, command);
        }
      }
      case "zig", "swift", "crystal", "dub", "stack", "cabal" -> {
        if (second.equals("build")) {
          return found(Toolchain.OTHER, program + " build", command);
        }
      }
      case "native-image", "pyinstaller", "nuitka", "ghc" -> {
        return found(Toolchain.OTHER, program, command);
      }
      case "deno" -> {
        if (second.equals("compile")) {
          return found(Toolchain.OTHER, "deno compile", command);
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  private static Optional<Compile> found(Toolchain t, String name, String command) {
    return Optional.of(new Compile(t, name, command));
  }

  /** Where {@code needle} first occurs in the text of instruction {@code i}, if it does. */
  public static Optional<Range> locate(SourceText source, Instruction i, String needle) {
    String slice = source.slice(i.range());
    int at = slice.indexOf(needle);
    if (at < 0) {
      return Optional.empty();
    }
    int start = source.startOffset(i.range()) + at;
    return Optional.of(source.range(start, start + needle.length()));
  }

  /** Words that show a stage takes care of the target platform (or of a fixed one). */
  private static final Pattern PLATFORM_AWARE =
      Pattern.compile(
          "TARGETPLATFORM|TARGETARCH|TARGETOS|TARGETVARIANT|GOARCH|GOOS|GOARM|CARGO_BUILD_TARGET"
              + "|CROSS_COMPILE|--target\\b|\\bxx-|--platform|zigbuild|wasm|\\bCC=|--arch\\b"
              + "|dotnet[^\\n]*\\s(-a|-r|--runtime|--os)\\s|-linux-gnu|-linux-musl");

  private static final Set<String> PLATFORM_VARIABLES =
      Set.of(
          "TARGETPLATFORM",
          "TARGETOS",
          "TARGETARCH",
          "TARGETVARIANT",
          "GOARCH",
          "GOOS",
          "GOARM",
          "CARGO_BUILD_TARGET",
          "CC",
          "CXX",
          "CROSS_COMPILE");

  /**
   * Whether {@code s} (with the stages it is based on) shows any sign of building for a chosen
   * platform: an ARG or ENV of the target platform or of a compiler's target ({@code GOARCH},
   * {@code CC} ...), or RUN text that mentions one, a {@code --target}, or tonistiigi/xx helpers.
   */
  public static boolean platformAware(SemanticModel m, Stage s) {
    for (Stage at : m.lineage(s)) {
      for (Instruction i : at.instructions()) {
        if (i instanceof ArgInstruction a) {
          for (ArgDeclaration d : a.declarations()) {
            if (PLATFORM_VARIABLES.contains(d.name())) {
              return true;
            }
          }
        } else if (i instanceof EnvInstruction e) {
          for (KeyValue kv : e.pairs()) {
            if (PLATFORM_VARIABLES.contains(kv.key().value())) {
              return true;
            }
          }
        } else if (i instanceof RunInstruction r && PLATFORM_AWARE.matcher(text(r)).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A stage that only carries files: it starts from scratch and runs nothing. */
  public static boolean carrier(SemanticModel m, Stage s) {
    List<Stage> lineage = m.lineage(s);
    return lineage.get(lineage.size() - 1).base() instanceof Base.Scratch
        && lineage.stream()
            .flatMap(at -> at.instructions().stream())
            .noneMatch(RunInstruction.class::isInstance);
  }
}
