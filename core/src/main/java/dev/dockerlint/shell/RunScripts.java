package dev.dockerlint.shell;

import dev.dockerlint.rules.LintInput;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.OnbuildInstruction;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shell scripts of a Dockerfile's RUN instructions, the way BuildKit runs them: the shell-form
 * command through the SHELL in force (with the heredocs it feeds appended, as BuildKit passes
 * them); a heredoc that is the whole command as a script of its own, through its shebang when it
 * has one; the script of an exec-form {@code ["sh", "-c", "..."]}; any other exec form as one
 * command. Scripts for shells that are not sh-like (PowerShell, cmd, Python ...) are left out.
 */
public final class RunScripts {
  private RunScripts() {}

  private static final Pattern LONE_HEREDOC =
      Pattern.compile("^[0-9]*<<-?\\s*([\"']?)[^\\s\"']+\\1$");

  /** Every script of every RUN and ONBUILD RUN, in file order. */
  public static List<RunScript> all(SemanticModel model) {
    List<RunScript> out = new ArrayList<>(outsideStages(model, LintMemo.none()));
    for (Stage s : model.stages()) {
      out.addAll(of(model, s));
    }
    return List.copyOf(out);
  }

  /** The scripts of the RUN and ONBUILD RUN instructions of one stage, in order. */
  public static List<RunScript> of(SemanticModel model, Stage stage) {
    return model.derived(new OfStage(stage), () -> of(model, stage, LintMemo.none()));
  }

  /**
   * Every script of every RUN and ONBUILD RUN, in file order, reusing the reading of a script text
   * that an earlier lint of the same document read already ({@code memo}).
   */
  public static List<RunScript> all(SemanticModel model, LintMemo memo) {
    List<RunScript> out = new ArrayList<>(outsideStages(model, memo));
    for (Stage s : model.stages()) {
      out.addAll(of(model, s, memo));
    }
    return List.copyOf(out);
  }

  /**
   * The scripts of the RUN and ONBUILD RUN instructions of one stage of a lint's input, in order,
   * reusing readings as {@link #all(SemanticModel, LintMemo)} does.
   */
  public static List<RunScript> of(LintInput input, Stage stage) {
    SemanticModel model = input.model();
    return model.derived(new OfStage(stage), () -> of(model, stage, input.memo()));
  }

  /**
   * The scripts of a stage, kept on the model: several rules ask for a stage's (without a memo that
   * keeps them, each would read them again), and the command line asks before the lint.
   */
  private record OfStage(Stage stage) {}

  /**
   * The scripts of a stage as the memo keeps them (under the Stage object): what they are follows
   * from the Stage object (its instructions, their shells, the stages it is based on), and a
   * script's ranges are positions, which an edit the stage was taken over after did not move.
   */
  private record StageScripts(List<RunScript> scripts) {}

  private static List<RunScript> of(SemanticModel model, Stage stage, LintMemo memo) {
    return memo.get(
            LintMemo.keyOf(StageScripts.class, stage),
            StageScripts.class,
            () -> {
              List<RunScript> out = new ArrayList<>();
              for (Instruction i : stage.instructions()) {
                out.addAll(of(model, i, memo));
              }
              return new StageScripts(List.copyOf(out));
            })
        .scripts();
  }

  /**
   * The scripts of RUN instructions before the first FROM (a file BuildKit rejects, but the scripts
   * are still there to check), not kept in the memo.
   */
  public static List<RunScript> outsideStages(SemanticModel model) {
    return outsideStages(model, LintMemo.none());
  }

  private static List<RunScript> outsideStages(SemanticModel model, LintMemo memo) {
    List<RunScript> out = new ArrayList<>();
    for (Instruction i : model.file().instructions()) {
      if (i instanceof FromInstruction) {
        break; // the rest is in stages
      }
      out.addAll(of(model, i, memo));
    }
    return out;
  }

  /** The scripts of one instruction (none for anything but RUN and ONBUILD RUN). */
  public static List<RunScript> of(SemanticModel model, Instruction i) {
    return of(model, i, LintMemo.none());
  }

  /** A script text as the memo keeps its reading: the reading depends on the text alone. */
  private record Parsed(String text) {}

  private static ShellScript parse(String text, LintMemo memo) {
    Parsed key = new Parsed(text);
    return memo.get(key, ShellScript.class, () -> ShellScript.parse(text));
  }

  private static List<RunScript> of(SemanticModel model, Instruction i, LintMemo memo) {
    RunInstruction run;
    if (i instanceof RunInstruction r) {
      run = r;
    } else if (i instanceof OnbuildInstruction o
        && o.trigger().orElse(null) instanceof RunInstruction r) {
      run = r;
    } else {
      return List.of();
    }
    boolean onbuild = i instanceof OnbuildInstruction;
    Optional<Command> command = run.command();
    if (command.isEmpty()) {
      return List.of();
    }
    List<String> shell = model.stageOf(i).map(s -> s.shellFor(i)).orElse(List.of("/bin/sh", "-c"));
    if (shell.equals(List.of("/bin/sh", "-c"))
        && model.stageOf(i).map(s -> Platforms.windows(model, s)).orElse(false)) {
      return List.of(); // a Windows stage without SHELL runs cmd /S /C
    }
    Dockerfile file = model.file();
    List<RunScript> out = new ArrayList<>();
    if (command.get() instanceof Command.ShellForm sf) {
      Optional<String> dialect = dialect(shell);
      List<Heredoc> heredocs = run.heredocs();
      String cmd = sf.text().value().strip();
      if (heredocs.size() == 1 && LONE_HEREDOC.matcher(cmd).matches()) {
        Heredoc h = heredocs.get(0);
        Optional<String> d = h.content().startsWith("#!") ? shebangDialect(h.content()) : dialect;
        d.ifPresent(x -> out.add(body(file, i, h, x, onbuild, memo)));
        return out;
      }
      if (dialect.isEmpty()) {
        return out;
      }
      SourceText src = file.source();
      MappedText m = new MappedText(src).appendWord(sf.text(), file.escapeCharacter());
      for (Heredoc h : heredocs) {
        int bodyStart = src.startOffset(h.bodyRange());
        m.appendAt("\n", src.endOffset(h.markerRange()));
        m.appendVerbatim(h.content(), bodyStart);
        m.appendVerbatim(
            h.name(), Math.min(src.endOffset(h.bodyRange()), bodyStart + h.content().length()));
      }
      ShellScript script = parse(m.text(), memo);
      out.add(new RunScript(i, script, m, dialect.get(), false, onbuild));
      // a shell reading a heredoc on standard input runs it as a script too
      if (!heredocs.isEmpty()) {
        Optional<String> reader =
            script.commands().isEmpty()
                ? Optional.empty()
                : dialect(List.of(script.commands().get(0).name()));
        if (reader.isPresent() && !script.commands().get(0).hasFlag("c")) {
          for (Heredoc h : heredocs) {
            out.add(body(file, i, h, reader.get(), onbuild, memo));
          }
        }
      }
      return out;
    }
    Command.ExecForm ex = (Command.ExecForm) command.get();
    List<Word> args = ex.arguments();
    if (args.isEmpty()) {
      return out;
    }
    Optional<String> d = dialect(List.of(args.get(0).value()));
    if (d.isPresent()) {
      for (int k = 1; k + 1 < args.size(); k++) {
        String a = args.get(k).value();
        if (a.startsWith("-") && !a.startsWith("--") && a.contains("c")) {
          Word w = args.get(k + 1);
          MappedText m = new MappedText(file.source()).appendWord(w, '\\');
          out.add(new RunScript(i, parse(m.text(), memo), m, d.get(), false, onbuild));
          return out;
        }
      }
    }
    MappedText m = new MappedText(file.source());
    List<ShellWord> words = new ArrayList<>();
    for (Word w : args) {
      if (m.length() > 0) {
        m.appendAt(" ", file.source().startOffset(w.range()));
      }
      int s = m.length();
      m.appendWord(w, '\\');
      words.add(new ShellWord(w.value(), true, s, m.length()));
    }
    ShellCommand c =
        new ShellCommand(
            words.get(0).value(),
            words.get(0),
            words.subList(1, words.size()),
            0,
            m.length(),
            false);
    out.add(new RunScript(i, ShellScript.of(m.text(), c), m, "sh", false, onbuild));
    return out;
  }

  private static RunScript body(
      Dockerfile file, Instruction i, Heredoc h, String dialect, boolean onbuild, LintMemo memo) {
    SourceText src = file.source();
    MappedText m = new MappedText(src).appendVerbatim(h.content(), src.startOffset(h.bodyRange()));
    return new RunScript(i, parse(m.text(), memo), m, dialect, true, onbuild);
  }

  /**
   * The sh-like shell a SHELL argv runs ({@code sh}, {@code bash}, {@code dash}, {@code ash},
   * {@code ksh}, {@code zsh}), or empty for any other program.
   */
  public static Optional<String> dialect(List<String> argv) {
    if (argv.isEmpty()) {
      return Optional.empty();
    }
    String name = basename(argv.get(0));
    if (name.equals("busybox") && argv.size() > 1) {
      name = basename(argv.get(1));
      return name.equals("sh") || name.equals("ash") ? Optional.of("ash") : Optional.empty();
    }
    return switch (name) {
      case "sh" -> Optional.of("sh");
      case "bash" -> Optional.of("bash");
      case "dash" -> Optional.of("dash");
      case "ash" -> Optional.of("ash");
      case "ksh", "mksh", "ksh93" -> Optional.of("ksh");
      case "zsh" -> Optional.of("zsh");
      default -> Optional.empty();
    };
  }

  /** The dialect of a script's {@code #!} line ({@code #!/usr/bin/env bash} is bash). */
  public static Optional<String> shebangDialect(String script) {
    int nl = script.indexOf('\n');
    String line = (nl < 0 ? script : script.substring(0, nl)).substring(2).strip();
    String[] parts = line.split("\\s+");
    if (parts.length == 0) {
      return Optional.empty();
    }
    if (basename(parts[0]).equals("env")) {
      for (int k = 1; k < parts.length; k++) {
        if (!parts[k].startsWith("-")) {
          return dialect(List.of(parts[k]));
        }
      }
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>(List.of(parts));
    return dialect(argv);
  }

  private static String basename(String path) {
    String p = path.replace('\\', '/');
    String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
  }
}
