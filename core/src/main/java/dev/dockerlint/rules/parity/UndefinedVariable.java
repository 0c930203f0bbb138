package dev.dockerlint.rules.parity;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.grammar.shell.ShellLexException;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.StageRule;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.Scope;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.semantic.Variable;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.LabelInstruction;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.StopsignalInstruction;
import dev.dockerlint.syntax.UserInstruction;
import dev.dockerlint.syntax.VolumeInstruction;
import dev.dockerlint.syntax.Word;
import dev.dockerlint.syntax.WorkdirInstruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A variable used where BuildKit expands it (ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME,
 * STOPSIGNAL, ARG defaults, RUN mount options, COPY heredocs) that nothing defines at that point:
 * no ARG or ENV before it in the stage, and not the base image's environment. It expands to an
 * empty string, which is rarely meant. RUN commands are not looked at: the shell expands those,
 * with the whole environment.
 *
 * <p>The base image's environment comes from image facts when they are available. {@code scratch}
 * has only {@code PATH}, as in BuildKit. Without facts about the base image, its environment is
 * unknown, and only what is certain is reported: a variable that the stage declares later (it is
 * used before its ARG or ENV), and one whose name is a near miss of a defined variable (a typo).
 *
 * @see <a href="https://docs.docker.com/reference/build-checks/undefined-var/">UndefinedVar</a>
 */
@RuleInfo(
    code = "DKL5005",
    name = "undefined-variable",
    severity = Severity.WARNING,
    summary = "Variable used before anything defines it",
    aliases = {"UndefinedVar"})
public final class UndefinedVariable implements StageRule {
  /** Build arguments BuildKit never puts into the environment. */
  private static final Set<String> NON_ENV =
      Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

  @Override
  public void checkStage(RuleContext ctx, Stage s) {
    BaseEnv baseEnv = baseEnv(ctx, s);
    List<Instruction> is = s.instructions();
    for (int k = 0; k < is.size(); k++) {
      Instruction i = is.get(k);
      Scope scope = s.scopeBefore(i);
      Set<String> unmatched = new TreeSet<>();
      for (Word w : words(ctx, i)) {
        ctx.model()
            .expandWithMatches(w.value(), scope)
            .ifPresent(r -> unmatched.addAll(r.unmatched()));
      }
      for (String content : heredocs(i)) {
        rawUnmatched(content, scope).ifPresent(unmatched::addAll);
      }
      if (unmatched.isEmpty()) {
        continue;
      }
      Set<String> later = declaredAfter(is, k);
      List<String> options = new ArrayList<>(scope.keys());
      options.addAll(baseEnv.names());
      for (String name : unmatched) {
        if (NON_ENV.contains(name)
            || scope.variable(name).map(v -> v.kind() == Variable.Kind.ARG).orElse(false)
            || baseEnv.names().contains(name)) {
          continue;
        }
        Optional<String> suggest = Suggest.search(name, new LinkedHashSet<>(options), true);
        if (!baseEnv.complete() && !later.contains(name) && suggest.isEmpty()) {
          continue; // the unknown base image may define it
        }
        String msg = "Usage of undefined variable '$" + name + "'";
        if (suggest.isPresent()) {
          msg += " (did you mean $" + suggest.get() + "?)";
        }
        ctx.report(Finding.of(i.range(), msg));
      }
    }
  }

  private static final ShellLex RAW = new ShellLex('\\').withSkipProcessQuotes(true);

  /**
   * The variables without value in a heredoc body, read as BuildKit reads it (quotes kept); empty
   * when the body cannot be processed (BuildKit then fails the build).
   */
  private static Optional<Set<String>> rawUnmatched(String content, Scope scope) {
    try {
      return Optional.of(RAW.processWord(content, scope).unmatched());
    } catch (ShellLexException e) {
      return Optional.empty();
    }
  }

  /** The words BuildKit expands (and reports unmatched variables in) for the instruction. */
  private static List<Word> words(RuleContext ctx, Instruction i) {
    List<Word> out = new ArrayList<>();
    if (i instanceof EnvInstruction e) {
      for (KeyValue kv : e.pairs()) {
        out.add(kv.key());
        out.add(kv.value());
      }
    } else if (i instanceof LabelInstruction l) {
      for (KeyValue kv : l.pairs()) {
        out.add(kv.key());
        out.add(kv.value());
      }
    } else if (i instanceof CopyInstruction c) {
      flagWords(i, out, "chown", "chmod");
      c.words().stream().filter(w -> !w.value().startsWith("<<")).forEach(out::add);
    } else if (i instanceof AddInstruction a) {
      flagWords(i, out, "chown", "chmod", "checksum");
      a.words().stream().filter(w -> !w.value().startsWith("<<")).forEach(out::add);
    } else if (i instanceof WorkdirInstruction w) {
      w.value().ifPresent(out::add);
    } else if (i instanceof UserInstruction u) {
      u.value().ifPresent(out::add);
    } else if (i instanceof VolumeInstruction v) {
      out.addAll(v.paths());
    } else if (i instanceof StopsignalInstruction s) {
      s.value().ifPresent(out::add);
    } else if (i instanceof RunInstruction) {
      flagWords(i, out, "mount");
    } else if (i instanceof ArgInstruction a) {
      for (ArgDeclaration d : a.declarations()) {
        if (d.defaultValue().isPresent()
            && !ctx.model().options().buildArgs().containsKey(d.name())) {
          out.add(d.defaultValue().get());
        }
      }
    }
    return out;
  }

  private static void flagWords(Instruction i, List<Word> out, String... names) {
    for (String n : names) {
      for (Flag f : i.flags(n)) {
        if (f.value().isPresent() && f.valueRange().isPresent()) {
          out.add(new Word(f.value().get(), f.valueRange().get()));
        }
      }
    }
  }

  /** Bodies of COPY and ADD heredocs whose variables are expanded (unquoted delimiter). */
  private static List<String> heredocs(Instruction i) {
    List<String> out = new ArrayList<>();
    if (i instanceof CopyInstruction || i instanceof AddInstruction) {
      for (Heredoc h : i.heredocs()) {
        if (h.expand()) {
          out.add(h.effectiveContent());
        }
      }
    }
    return out;
  }

  /** Names that an ARG or ENV of the stage defines after instruction {@code k}. */
  private static Set<String> declaredAfter(List<Instruction> is, int k) {
    Set<String> out = new HashSet<>();
    for (Instruction i : is.subList(k + 1, is.size())) {
      if (i instanceof ArgInstruction a) {
        a.declarations().forEach(d -> out.add(d.name()));
      } else if (i instanceof EnvInstruction e) {
        e.pairs().forEach(kv -> out.add(kv.key().value()));
      }
    }
    return out;
  }

  /** Names in the base image's environment; {@code complete} when that is all of them. */
  private record BaseEnv(Set<String> names, boolean complete) {}

  /**
   * The base image's environment: {@code PATH} always (BuildKit adds it to every non-Windows
   * stage), all of it for scratch, the image's ENV when facts about it are available; else only
   * {@code PATH} is known.
   */
  private static BaseEnv baseEnv(RuleContext ctx, Stage s) {
    boolean windows = s.platform().map(p -> p.os().equals("windows")).orElse(false);
    Set<String> env = new HashSet<>();
    if (!windows) {
      env.add("PATH");
    }
    Stage at = s;
    for (int guard = 0; guard < 1000; guard++) {
      if (at.base() instanceof Base.StageBase b) {
        at = ctx.model().stages().get(b.stageIndex());
        continue;
      }
      if (at.base() instanceof Base.Scratch) {
        return new BaseEnv(env, true);
      }
      if (at.base() instanceof Base.ImageBase ib && ib.ref().isPresent()) {
        Platform p = at.platform().orElse(ctx.model().options().targetPlatform());
        Lookup l = ctx.input().images().lookup(ib.ref().get(), p, false);
        if (l instanceof Lookup.Found f) {
          env.addAll(f.image().config().envMap().keySet());
          return new BaseEnv(env, true);
        }
      }
      break;
    }
    return new BaseEnv(env, false);
  }
}
