package dev.dockerlint.syntax;

import dev.dockerlint.grammar.DockerfileLexer;
import dev.dockerlint.grammar.DockerfileLexerBase;
import dev.dockerlint.grammar.DockerfileParser;
import dev.dockerlint.grammar.DockerfileParser.BodyContext;
import dev.dockerlint.grammar.DockerfileParser.FlagContext;
import dev.dockerlint.grammar.DockerfileParser.FlagsContext;
import dev.dockerlint.grammar.GoText;
import dev.dockerlint.grammar.JsonStringArray;
import dev.dockerlint.grammar.SourceCharStream;
import dev.dockerlint.grammar.shell.HeredocMarker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns Dockerfile text into a {@link Dockerfile}: runs the ANTLR grammar, then builds the typed
 * tree with BuildKit's rules for argument values. Never throws for bad input: whatever does not
 * parse becomes a {@link SyntaxProblem} and the rest of the file still yields instructions.
 */
public final class DockerfileReader {

  /** BuildKit's scanner refuses physical lines of 64 KiB and more. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final SourceText source;
  private final OffsetMap map;
  private final RangeCursor ranges;
  private final List<SyntaxProblem> problems = new ArrayList<>();
  private CommonTokenStream tokens;
  private int escape;
  private Map<Integer, List<HeredocMarker>> heredocMarkers;

  private DockerfileReader(String text) {
    this.source = new SourceText(text);
    this.map = new OffsetMap(text);
    this.ranges = new RangeCursor(source);
  }

  /** Parses Dockerfile text (already decoded; a leading BOM is allowed). */
  public static Dockerfile parse(String text) {
    return new DockerfileReader(text).read();
  }

  private Dockerfile read() {
    DockerfileLexer lexer = new DockerfileLexer(SourceCharStream.of(source.text()));
    lexer.removeErrorListeners();
    tokens = new CommonTokenStream(lexer);
    tokens.fill();
    escape = lexer.escapeCharacter();
    heredocMarkers = lexer.heredocs();

    DockerfileParser.DockerfileContext tree = parseTree();

    List<Directive> directives = directives(tree);
    List<Instruction> instructions = new ArrayList<>();
    for (DockerfileParser.InstructionContext ic : tree.instruction()) {
      try {
        Instruction i = instruction(ic);
        if (i != null) {
          instructions.add(i);
        }
      } catch (RuntimeException e) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.UNEXPECTED_TOKEN,
                "cannot parse this instruction: " + e,
                rangeOf(ic.start, ic.stop)));
      }
    }
    checkLineLengths();
    if (instructions.isEmpty()) {
      problems.add(
          new SyntaxProblem(
              SyntaxProblem.Kind.NO_INSTRUCTIONS,
              "file with no instructions",
              ranges.range(source.length(), source.length())));
    }
    problems.sort((a, b) -> a.range().start().compareTo(b.range().start()));
    return new Dockerfile(source, escape, directives, comments(), instructions, problems);
  }

  private DockerfileParser.DockerfileContext parseTree() {
    DockerfileParser parser = new DockerfileParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.dockerfile();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(new Collector());
      return parser.dockerfile();
    }
  }

  /** Records ANTLR's syntax errors as problems at the offending token. */
  private final class Collector extends BaseErrorListener {
    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      Range r;
      if (offendingSymbol instanceof Token t && t.getType() != Token.EOF) {
        r = rangeOf(t, t);
      } else {
        r = ranges.range(source.length(), source.length());
      }
      String what = msg.contains("HEREDOC") ? "unterminated heredoc" : "unexpected text: " + msg;
      SyntaxProblem.Kind kind =
          msg.contains("HEREDOC")
              ? SyntaxProblem.Kind.UNTERMINATED_HEREDOC
              : SyntaxProblem.Kind.UNEXPECTED_TOKEN;
      if (kind == SyntaxProblem.Kind.UNTERMINATED_HEREDOC
          && problems.stream().anyMatch(p -> p.kind() == SyntaxProblem.Kind.UNTERMINATED_HEREDOC)) {
        return;
      }
      problems.add(new SyntaxProblem(kind, what, r));
    }
  }

  // ------------------------------------------------------------------------- directives, comments

  private List<Directive> directives(DockerfileParser.DockerfileContext tree) {
    List<Directive> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DockerfileParser.DirectiveContext dc : tree.directive()) {
      Token t = dc.DIRECTIVE().getSymbol();
      String text = t.getText();
      String[] kv = DockerfileLexerBase.directive(text);
      if (kv == null) {
        continue;
      }
      int start = map.utf16(t.getStartIndex());
      int hash = text.indexOf('#');
      String trimmed = text.stripTrailing();
      int valueAt = trimmed.lastIndexOf(kv[1]);
      Range range = ranges.range(start + hash, start + trimmed.length());
      Range valueRange = ranges.range(start + valueAt, start + valueAt + kv[1].length());
      if (!seen.add(kv[0])) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.DUPLICATE_DIRECTIVE,
                "only one " + kv[0] + " parser directive can be used",
                range));
      }
      if (kv[0].equals("escape") && !kv[1].equals("`") && !kv[1].equals("\\")) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.INVALID_DIRECTIVE,
                "invalid escape token '" + kv[1] + "' does not match ` or \\",
                valueRange));
      }
      out.add(new Directive(kv[0], kv[1], range, valueRange));
    }
    return out;
  }

  private List<Comment> comments() {
    List<Comment> out = new ArrayList<>();
    String text = source.text();
    for (Token t : tokens.getTokens()) {
      if (t.getChannel() != DockerfileLexer.COMMENTS) {
        continue;
      }
      // the comment's characters in the source (the token's text, without copying it)
      int hash = map.utf16(t.getStartIndex());
      while (text.charAt(hash) != '#') {
        hash++;
      }
      int end = Math.min(map.utf16(t.getStopIndex() + 1), text.length());
      while (end > hash && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
        end--;
      }
      int from = GoText.skipSpace(text, hash + 1, end);
      int to = GoText.skipSpaceBack(text, from, end);
      out.add(new Comment(text.substring(from, to), ranges.range(hash, end)));
    }
    return out;
  }

  private void checkLineLengths() {
    String text = source.text();
    if (text.length() < MAX_LINE_BYTES / 4) {
      return;
    }
    for (int line = 0; line < source.lineCount(); line++) {
      int start = source.lineStart(line);
      int end = source.lineEnd(line);
      if (end - start >= MAX_LINE_BYTES / 4
          && text.substring(start, end).getBytes(StandardCharsets.UTF_8).length >= MAX_LINE_BYTES) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.LINE_TOO_LONG,
                "dockerfile line greater than max allowed size of " + (MAX_LINE_BYTES - 1),
                ranges.range(start, Math.min(end, start + 1))));
      }
    }
  }

  // ------------------------------------------------------------------------- instructions

  private Instruction instruction(DockerfileParser.InstructionContext ic) {
    BodyContext body = ic.body();
    if (body == null || body.start == null) {
      return null;
    }
    int endToken = endTokenIndex(ic);
    List<HeredocMarker> markers =
        heredocMarkers.getOrDefault(body.start.getStartIndex(), List.of());
    return body(body, endToken, markers, ic.heredoc(), null);
  }

  /**
   * The tokens {@code start..stop} (any channel) without EOF, like {@code tokens.get(start, stop)}
   * but a view of the token list instead of a copy.
   */
  private List<Token> tokenRange(int start, int stop) {
    if (start < 0 || stop < 0) {
      return null;
    }
    List<Token> all = tokens.getTokens();
    int last = Math.min(stop, all.size() - 1);
    if (last >= 0 && all.get(last).getType() == Token.EOF) {
      last--;
    }
    return start > last ? List.of() : all.subList(start, last + 1);
  }

  /** The last token (any channel) of the logical line: the one before its NEWLINE. */
  private int endTokenIndex(DockerfileParser.InstructionContext ic) {
    TerminalNode newline = ic.NEWLINE();
    if (newline != null && newline.getSymbol().getTokenIndex() >= 0) {
      return newline.getSymbol().getTokenIndex() - 1;
    }
    return ic.body().stop != null
        ? ic.body().stop.getTokenIndex()
        : ic.body().start.getTokenIndex();
  }

  /**
   * The instruction of {@code body}; {@code known} is null for a top-level instruction and the
   * heredocs of the ONBUILD around it for a trigger.
   */
  private Instruction body(
      BodyContext body,
      int endToken,
      List<HeredocMarker> markers,
      List<DockerfileParser.HeredocContext> heredocContexts,
      List<Heredoc> known) {
    List<Token> toks =
        tokenRange(body.start.getTokenIndex(), Math.max(endToken, body.start.getTokenIndex()));
    if (known == null) {
      emptyContinuations(toks);
    }
    Logical l = new Logical(source, ranges, toks, map);
    Token kw = body.start;
    InstructionKind kind = kindOf(kw.getType());
    Keyword keyword = new Keyword(kind, kw.getText(), rangeOf(kw, kw));

    String merged = mergedKeyword(kw, endToken);
    if (merged != null) {
      keyword = new Keyword(InstructionKind.UNKNOWN, merged, keyword.range());
      kind = InstructionKind.UNKNOWN;
    }

    FlagsContext fc = body.getRuleContext(FlagsContext.class, 0);
    List<Flag> flags = new ArrayList<>();
    int argsFrom = l.indexOfToken(kw.getTokenIndex() + 1);
    if (merged != null) {
      argsFrom = l.length();
    }
    if (fc != null) {
      for (FlagContext f : fc.flag()) {
        int s = l.indexOfToken(f.start.getTokenIndex());
        int e = l.indexOfToken(f.stop.getTokenIndex() + 1);
        argsFrom = Math.max(argsFrom, e);
        Flag flag = flag(l, s, e);
        if (flag != null) {
          flags.add(flag);
        }
      }
    }
    int a = GoText.skipSpace(l.text(), Math.min(argsFrom, l.length()), l.length());
    int b = GoText.skipSpaceBack(l.text(), a, l.length());

    List<Heredoc> heredocs = known != null ? known : heredocs(l, markers, heredocContexts);
    Range range = instructionRange(l, kw, b, heredocs);
    int firstLine = kw.getLine() - 1;
    int lastLine = lastLine(toks, heredocContexts);
    Instruction.Header h =
        new Instruction.Header(keyword, flags, range, firstLine, lastLine, l.word(a, b), heredocs);

    switch (kind) {
      case FROM:
        return from(h, l, a, b);
      case RUN:
        return new RunInstruction(h, command(l, a, b));
      case CMD:
        return new CmdInstruction(h, command(l, a, b));
      case ENTRYPOINT:
        return new EntrypointInstruction(h, command(l, a, b));
      case SHELL:
        return new ShellInstruction(h, command(l, a, b));
      case COPY:
        {
          List<Word> words = new ArrayList<>();
          boolean json = listOrJson(l, a, b, words);
          return new CopyInstruction(h, words, json);
        }
      case ADD:
        {
          List<Word> words = new ArrayList<>();
          boolean json = listOrJson(l, a, b, words);
          return new AddInstruction(h, words, json);
        }
      case VOLUME:
        {
          List<Word> words = new ArrayList<>();
          boolean json = listOrJson(l, a, b, words);
          return new VolumeInstruction(h, words, json);
        }
      case ENV:
        return new EnvInstruction(h, nameValues(h, l, a, b));
      case LABEL:
        return new LabelInstruction(h, nameValues(h, l, a, b));
      case ARG:
        return new ArgInstruction(h, args(l, a, b));
      case EXPOSE:
        return new ExposeInstruction(h, blankWords(l, a, b));
      case USER:
        return new UserInstruction(h, single(l, a, b));
      case WORKDIR:
        return new WorkdirInstruction(h, single(l, a, b));
      case MAINTAINER:
        return new MaintainerInstruction(h, single(l, a, b));
      case STOPSIGNAL:
        return new StopsignalInstruction(h, single(l, a, b));
      case HEALTHCHECK:
        return healthcheck(h, l, a, b);
      case ONBUILD:
        {
          BodyContext nested = body.getRuleContext(BodyContext.class, 0);
          Optional<Instruction> trigger = Optional.empty();
          if (nested != null && nested.start != null) {
            trigger =
                Optional.ofNullable(body(nested, endToken, markers, heredocContexts, heredocs));
          }
          return new OnbuildInstruction(h, trigger);
        }
      default:
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.UNKNOWN_INSTRUCTION,
                "unknown instruction: " + keyword.text().toUpperCase(Locale.ROOT),
                keyword.range()));
        return new UnknownInstruction(h, a < b ? Optional.of(l.word(a, b)) : Optional.empty());
    }
  }

  /**
   * A keyword that a line continuation glues to the next line's text ({@code RUN\} then {@code
   * echo}) is, for BuildKit, one longer word: an unknown instruction.
   */
  private String mergedKeyword(Token kw, int endToken) {
    boolean hidden = false;
    for (int i = kw.getTokenIndex() + 1; i <= endToken; i++) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        hidden = true;
        continue;
      }
      if (!hidden || t.getType() == DockerfileLexer.WS) {
        return null;
      }
      String text = t.getText();
      int end = 0;
      while (end < text.length() && !GoText.isBlank(text.charAt(end))) {
        end++;
      }
      return end == 0 ? null : kw.getText() + text.substring(0, end);
    }
    return null;
  }

  private static InstructionKind kindOf(int tokenType) {
    return switch (tokenType) {
      case DockerfileLexer.FROM -> InstructionKind.FROM;
      case DockerfileLexer.RUN -> InstructionKind.RUN;
      case DockerfileLexer.CMD -> InstructionKind.CMD;
      case DockerfileLexer.LABEL -> InstructionKind.LABEL;
      case DockerfileLexer.MAINTAINER -> InstructionKind.MAINTAINER;
      case DockerfileLexer.EXPOSE -> InstructionKind.EXPOSE;
      case DockerfileLexer.ENV -> InstructionKind.ENV;
      case DockerfileLexer.ADD -> InstructionKind.ADD;
      case DockerfileLexer.COPY -> InstructionKind.COPY;
      case DockerfileLexer.ENTRYPOINT -> InstructionKind.ENTRYPOINT;
      case DockerfileLexer.VOLUME -> InstructionKind.VOLUME;
      case DockerfileLexer.USER -> InstructionKind.USER;
      case DockerfileLexer.WORKDIR -> InstructionKind.WORKDIR;
      case DockerfileLexer.ARG -> InstructionKind.ARG;
      case DockerfileLexer.ONBUILD -> InstructionKind.ONBUILD;
      case DockerfileLexer.STOPSIGNAL -> InstructionKind.STOPSIGNAL;
      case DockerfileLexer.HEALTHCHECK -> InstructionKind.HEALTHCHECK;
      case DockerfileLexer.SHELL -> InstructionKind.SHELL;
      default -> InstructionKind.UNKNOWN;
    };
  }

  private Flag flag(Logical l, int s, int e) {
    String raw = l.substring(s, e);
    String text = BuildkitWords.unquoteFlag(raw, escape);
    if (text.equals("--")) {
      return null;
    }
    String body = text.startsWith("--") ? text.substring(2) : text;
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(body.substring(eq + 1));
    int rawEq = raw.indexOf('=');
    Range nameRange = l.range(s + 2, rawEq < 0 ? e : s + rawEq);
    Optional<Range> valueRange =
        rawEq < 0 ? Optional.empty() : Optional.of(l.range(s + rawEq + 1, e));
    return new Flag(name, value, text, l.range(s, e), nameRange, valueRange);
  }

  private Instruction from(Instruction.Header h, Logical l, int a, int b) {
    List<Word> words = blankWords(l, a, b);
    Optional<Word> image = words.isEmpty() ? Optional.empty() : Optional.of(words.get(0));
    Optional<Word> stage = Optional.empty();
    if (words.size() == 3 && words.get(1).value().equalsIgnoreCase("as")) {
      stage = Optional.of(words.get(2));
    } else if (words.isEmpty()) {
      problems.add(
          new SyntaxProblem(
              SyntaxProblem.Kind.MISSING_ARGUMENTS,
              "FROM requires either one or three arguments",
              h.keyword().range()));
    } else if (words.size() != 1) {
      problems.add(
          new SyntaxProblem(
              SyntaxProblem.Kind.INVALID_ARGUMENTS,
              "FROM requires either one or three arguments",
              h.arguments().range()));
    }
    return new FromInstruction(h, image, stage, words);
  }

  private List<Word> blankWords(Logical l, int a, int b) {
    List<Word> out = new ArrayList<>();
    if (a >= b) {
      return out;
    }
    for (BuildkitWords.Span s : BuildkitWords.splitBlank(l, a, b)) {
      out.add(l.word(s.value(), s.start(), s.end()));
    }
    return out;
  }

  private Optional<Word> single(Logical l, int a, int b) {
    return a < b ? Optional.of(l.word(a, b)) : Optional.empty();
  }

  private Optional<Command> command(Logical l, int a, int b) {
    if (a >= b) {
      return Optional.empty();
    }
    if (l.charAt(a) == '[') {
      JsonStringArray.Result r = JsonStringArray.read(l.substring(a, b));
      if (r instanceof JsonStringArray.Strings s) {
        List<Word> args = new ArrayList<>();
        for (JsonStringArray.Element e : s.elements()) {
          args.add(l.word(e.value(), a + e.start(), a + e.end()));
        }
        return Optional.of(new Command.ExecForm(args, l.range(a + s.start(), a + s.end())));
      }
      if (r instanceof JsonStringArray.NotStrings) {
        notStrings(l, a, b);
      }
    }
    return Optional.of(new Command.ShellForm(l.word(a, b)));
  }

  private void notStrings(Logical l, int a, int b) {
    problems.add(
        new SyntaxProblem(
            SyntaxProblem.Kind.JSON_NOT_STRINGS,
            "when using JSON array syntax, arrays must be comprised of strings only",
            l.range(a, b)));
  }

  /** COPY, ADD, VOLUME: a JSON array of strings, else blank-separated words. */
  private boolean listOrJson(Logical l, int a, int b, List<Word> out) {
    if (a < b && l.charAt(a) == '[') {
      JsonStringArray.Result r = JsonStringArray.read(l.substring(a, b));
      if (r instanceof JsonStringArray.Strings s) {
        for (JsonStringArray.Element e : s.elements()) {
          out.add(l.word(e.value(), a + e.start(), a + e.end()));
        }
        return true;
      }
      if (r instanceof JsonStringArray.NotStrings) {
        notStrings(l, a, b);
      }
    }
    out.addAll(blankWords(l, a, b));
    return false;
  }

  /** ENV and LABEL: {@code key=value ...}, or the legacy {@code key value} form. */
  private List<KeyValue> nameValues(Instruction.Header h, Logical l, int a, int b) {
    List<KeyValue> out = new ArrayList<>();
    List<BuildkitWords.Span> words = BuildkitWords.parseWords(l, a, b, escape);
    if (words.isEmpty()) {
      return out;
    }
    String name = h.keyword().canonical();
    if (words.get(0).value().indexOf('=') < 0) {
      int keyEnd = a;
      while (keyEnd < b && !GoText.isBlank(l.charAt(keyEnd))) {
        keyEnd++;
      }
      int valueStart = keyEnd;
      while (valueStart < b && GoText.isBlank(l.charAt(valueStart))) {
        valueStart++;
      }
      if (keyEnd >= b) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.ENV_MISSING_VALUE,
                name + " must have two arguments",
                l.range(a, b)));
        return out;
      }
      out.add(new KeyValue(l.word(a, keyEnd), l.word(valueStart, b), true, l.range(a, b)));
      return out;
    }
    for (BuildkitWords.Span w : words) {
      int eq = w.value().indexOf('=');
      if (eq < 0) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.KEY_VALUE_MISSING_EQUALS,
                "Syntax error - can't find = in "
                    + GoText.quote(w.value())
                    + ". Must be of the form: name=value",
                l.range(w.start(), w.end())));
        continue;
      }
      int rawEq = l.substring(w.start(), w.end()).indexOf('=');
      int split = w.start() + rawEq;
      if (eq == 0) {
        // BuildKit parses it, and its ENV and LABEL then fail the build
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.INVALID_ARGUMENTS,
                name + " names can not be blank",
                l.range(w.start(), w.end())));
      }
      out.add(
          new KeyValue(
              l.word(w.value().substring(0, eq), w.start(), split),
              l.word(w.value().substring(eq + 1), split + 1, w.end()),
              false,
              l.range(w.start(), w.end())));
    }
    return out;
  }

  private List<ArgDeclaration> args(Logical l, int a, int b) {
    List<ArgDeclaration> out = new ArrayList<>();
    for (BuildkitWords.Span w : BuildkitWords.parseWords(l, a, b, escape)) {
      Word word = l.word(w.value(), w.start(), w.end());
      int eq = w.value().indexOf('=');
      if (eq < 0) {
        out.add(new ArgDeclaration(word, w.value(), word.range(), Optional.empty()));
      } else {
        int rawEq = l.substring(w.start(), w.end()).indexOf('=');
        out.add(
            new ArgDeclaration(
                word,
                w.value().substring(0, eq),
                l.range(w.start(), w.start() + rawEq),
                Optional.of(l.word(w.value().substring(eq + 1), w.start() + rawEq + 1, w.end()))));
      }
    }
    return out;
  }

  private Instruction healthcheck(Instruction.Header h, Logical l, int a, int b) {
    if (a >= b) {
      return new HealthcheckInstruction(h, Optional.empty(), Optional.empty());
    }
    int sep = a;
    while (sep < b && !GoText.isSpace(l.charAt(sep))) {
      sep++;
    }
    int next = GoText.skipSpace(l.text(), sep, b);
    return new HealthcheckInstruction(h, Optional.of(l.word(a, sep)), command(l, next, b));
  }

  // ------------------------------------------------------------------------- heredocs, ranges

  private List<Heredoc> heredocs(
      Logical l, List<HeredocMarker> markers, List<DockerfileParser.HeredocContext> contexts) {
    if (markers.isEmpty()) {
      return List.of();
    }
    List<Heredoc> out = new ArrayList<>();
    int searchFrom = 0;
    String text = l.text();
    for (int k = 0; k < markers.size(); k++) {
      HeredocMarker m = markers.get(k);
      int at = text.indexOf("<<", searchFrom);
      int markerStart = at;
      int markerEnd = at < 0 ? l.length() : at + 2;
      if (at >= 0) {
        while (markerStart > 0 && Character.isDigit(text.charAt(markerStart - 1))) {
          markerStart--;
        }
        markerEnd = endOfWord(text, markerEnd);
        searchFrom = markerEnd;
      } else {
        markerStart = l.length();
      }
      Range markerRange = l.range(markerStart, markerEnd);
      DockerfileParser.HeredocContext hc = k < contexts.size() ? contexts.get(k) : null;
      boolean terminated = hc != null && hc.HEREDOC_END() != null && hc.exception == null;
      StringBuilder content = new StringBuilder();
      Range bodyRange = markerRange;
      if (hc != null) {
        for (var line : hc.HEREDOC_LINE()) {
          content.append(line.getText());
        }
        Token first = hc.start;
        Token end = terminated ? hc.HEREDOC_END().getSymbol() : hc.stop;
        if (first != null && end != null && first.getType() != Token.EOF) {
          int s = map.utf16(first.getStartIndex());
          int e = map.utf16(end.getStopIndex() + 1);
          bodyRange = ranges.range(s, Math.max(s, trimNewline(e)));
        }
      }
      if (!terminated) {
        problems.add(
            new SyntaxProblem(
                SyntaxProblem.Kind.UNTERMINATED_HEREDOC,
                "unterminated heredoc " + m.name(),
                markerRange));
      }
      out.add(
          new Heredoc(
              m.name(),
              m.fileDescriptor(),
              m.expand(),
              m.chomp(),
              content.toString(),
              markerRange,
              bodyRange,
              terminated));
    }
    return out;
  }

  private static int endOfWord(String text, int from) {
    int i = from;
    if (i < text.length() && text.charAt(i) == '-') {
      i++;
    }
    while (i < text.length() && GoText.isSpace(text.charAt(i))) {
      i++;
    }
    int quote = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote == 0 && GoText.isSpace(c)) {
        break;
      }
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      i++;
    }
    return i;
  }

  private int trimNewline(int offset) {
    String text = source.text();
    int e = offset;
    while (e > 0 && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
      e--;
    }
    return e;
  }

  private Range instructionRange(Logical l, Token kw, int argsEnd, List<Heredoc> heredocs) {
    int start = map.utf16(kw.getStartIndex());
    int end = GoText.skipSpaceBack(l.text(), 0, l.length());
    int endOffset = end == 0 ? start + kw.getText().length() : l.sourceOffset(end - 1) + 1;
    for (Heredoc h : heredocs) {
      endOffset = Math.max(endOffset, source.endOffset(h.bodyRange()));
    }
    return ranges.range(start, Math.max(start, endOffset));
  }

  private int lastLine(List<Token> toks, List<DockerfileParser.HeredocContext> heredocContexts) {
    int last = 0;
    for (Token t : toks) {
      last = Math.max(last, t.getLine() - 1);
    }
    for (DockerfileParser.HeredocContext hc : heredocContexts) {
      if (hc.stop != null && hc.stop.getType() != Token.EOF) {
        last = Math.max(last, hc.stop.getLine() - 1);
      }
    }
    return last;
  }

  /** BuildKit warns once per instruction, on its last line, when a continuation has blank lines. */
  private void emptyContinuations(List<Token> toks) {
    int last = -1;
    boolean empty = false;
    for (Token t : toks) {
      empty |= t.getType() == DockerfileLexer.EMPTY_CONTINUATION_LINE;
      last = Math.max(last, t.getLine() - 1);
    }
    if (empty) {
      problems.add(
          new SyntaxProblem(
              SyntaxProblem.Kind.EMPTY_CONTINUATION,
              "Empty continuation line",
              source.lineRange(last)));
    }
  }

  private Range rangeOf(Token first, Token last) {
    if (first == null) {
      return ranges.range(0, 0);
    }
    int s = map.utf16(first.getStartIndex());
    Token end = last == null || last.getStopIndex() < first.getStartIndex() ? first : last;
    int e = map.utf16(end.getStopIndex() + 1);
    return ranges.range(Math.max(0, s), Math.max(s, trimNewline(e)));
  }
}
