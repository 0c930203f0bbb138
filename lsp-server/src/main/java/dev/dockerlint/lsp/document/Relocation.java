package dev.dockerlint.lsp.document;

import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.CmdInstruction;
import dev.dockerlint.syntax.Command;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.EntrypointInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.ExposeInstruction;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.HealthcheckInstruction;
import dev.dockerlint.syntax.Heredoc;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.Keyword;
import dev.dockerlint.syntax.LabelInstruction;
import dev.dockerlint.syntax.MaintainerInstruction;
import dev.dockerlint.syntax.OnbuildInstruction;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.ShellInstruction;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.StopsignalInstruction;
import dev.dockerlint.syntax.SyntaxProblem;
import dev.dockerlint.syntax.UnknownInstruction;
import dev.dockerlint.syntax.UserInstruction;
import dev.dockerlint.syntax.VolumeInstruction;
import dev.dockerlint.syntax.Word;
import dev.dockerlint.syntax.WorkdirInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the syntax tree nodes of a snippet, parsed from whole lines of {@code target} starting at
 * line {@code lineShift}, to their place in {@code target}: every line moves by {@code lineShift},
 * columns stay. Used to splice a re-parsed instruction into the previous tree.
 */
final class Relocation {
  private final SourceText target;
  private final int lineShift;

  Relocation(SourceText target, int lineShift) {
    this.target = target;
    this.lineShift = lineShift;
  }

  Range range(Range r) {
    return new Range(position(r.start()), position(r.end()));
  }

  /**
   * The place of a snippet position in {@code target}. The snippet ends in a newline {@code target}
   * may lack at its end; a position after it becomes the end of {@code target}.
   */
  private Position position(Position p) {
    Position moved = new Position(p.line() + lineShift, p.column());
    return moved.line() < target.lineCount() ? moved : target.position(target.length());
  }

  private Optional<Range> range(Optional<Range> r) {
    return r.map(this::range);
  }

  Word word(Word w) {
    return new Word(w.value(), range(w.range()));
  }

  private Optional<Word> word(Optional<Word> w) {
    return w.map(this::word);
  }

  private List<Word> words(List<Word> ws) {
    List<Word> out = new ArrayList<>(ws.size());
    for (Word w : ws) {
      out.add(word(w));
    }
    return out;
  }

  Comment comment(Comment c) {
    return new Comment(c.text(), range(c.range()));
  }

  SyntaxProblem problem(SyntaxProblem p) {
    return new SyntaxProblem(p.kind(), p.message(), range(p.range()));
  }

  private Flag flag(Flag f) {
    return new Flag(
        f.name(),
        f.value(),
        f.text(),
        range(f.range()),
        range(f.nameRange()),
        range(f.valueRange()));
  }

  private Heredoc heredoc(Heredoc h) {
    return new Heredoc(
        h.name(),
        h.fileDescriptor(),
        h.expand(),
        h.chomp(),
        h.content(),
        range(h.markerRange()),
        range(h.bodyRange()),
        h.terminated());
  }

  private KeyValue keyValue(KeyValue kv) {
    return new KeyValue(word(kv.key()), word(kv.value()), kv.legacy(), range(kv.range()));
  }

  private List<KeyValue> keyValues(List<KeyValue> kvs) {
    List<KeyValue> out = new ArrayList<>(kvs.size());
    for (KeyValue kv : kvs) {
      out.add(keyValue(kv));
    }
    return out;
  }

  private Optional<Command> command(Optional<Command> c) {
    return c.map(
        x ->
            x instanceof Command.ExecForm e
                ? new Command.ExecForm(words(e.arguments()), range(e.range()))
                : new Command.ShellForm(word(((Command.ShellForm) x).text())));
  }

  private Instruction.Header header(Instruction.Header h) {
    List<Flag> flags = new ArrayList<>(h.flags().size());
    for (Flag f : h.flags()) {
      flags.add(flag(f));
    }
    List<Heredoc> heredocs = new ArrayList<>(h.heredocs().size());
    for (Heredoc d : h.heredocs()) {
      heredocs.add(heredoc(d));
    }
    Keyword k = h.keyword();
    return new Instruction.Header(
        new Keyword(k.kind(), k.text(), range(k.range())),
        flags,
        range(h.range()),
        h.firstLine() + lineShift,
        h.lastLine() + lineShift,
        word(h.arguments()),
        heredocs);
  }

  Instruction instruction(Instruction i) {
    Instruction.Header h = header(i.header());
    if (i instanceof FromInstruction x) {
      return new FromInstruction(h, word(x.image()), word(x.stageName()), words(x.words()));
    } else if (i instanceof RunInstruction x) {
      return new RunInstruction(h, command(x.command()));
    } else if (i instanceof CmdInstruction x) {
      return new CmdInstruction(h, command(x.command()));
    } else if (i instanceof EntrypointInstruction x) {
      return new EntrypointInstruction(h, command(x.command()));
    } else if (i instanceof ShellInstruction x) {
      return new ShellInstruction(h, command(x.command()));
    } else if (i instanceof HealthcheckInstruction x) {
      return new HealthcheckInstruction(h, word(x.type()), command(x.command()));
    } else if (i instanceof CopyInstruction x) {
      return new CopyInstruction(h, words(x.words()), x.execForm());
    } else if (i instanceof AddInstruction x) {
      return new AddInstruction(h, words(x.words()), x.execForm());
    } else if (i instanceof VolumeInstruction x) {
      return new VolumeInstruction(h, words(x.paths()), x.execForm());
    } else if (i instanceof EnvInstruction x) {
      return new EnvInstruction(h, keyValues(x.pairs()));
    } else if (i instanceof LabelInstruction x) {
      return new LabelInstruction(h, keyValues(x.pairs()));
    } else if (i instanceof ArgInstruction x) {
      List<ArgDeclaration> ds = new ArrayList<>(x.declarations().size());
      for (ArgDeclaration d : x.declarations()) {
        ds.add(
            new ArgDeclaration(
                word(d.word()), d.name(), range(d.nameRange()), word(d.defaultValue())));
      }
      return new ArgInstruction(h, ds);
    } else if (i instanceof ExposeInstruction x) {
      return new ExposeInstruction(h, words(x.ports()));
    } else if (i instanceof UserInstruction x) {
      return new UserInstruction(h, word(x.value()));
    } else if (i instanceof WorkdirInstruction x) {
      return new WorkdirInstruction(h, word(x.value()));
    } else if (i instanceof MaintainerInstruction x) {
      return new MaintainerInstruction(h, word(x.value()));
    } else if (i instanceof StopsignalInstruction x) {
      return new StopsignalInstruction(h, word(x.value()));
    } else if (i instanceof OnbuildInstruction x) {
      return new OnbuildInstruction(h, x.trigger().map(this::instruction));
    } else if (i instanceof UnknownInstruction x) {
      return new UnknownInstruction(h, word(x.text()));
    }
    throw new IllegalArgumentException("unknown instruction " + i.getClass().getName());
  }
}
