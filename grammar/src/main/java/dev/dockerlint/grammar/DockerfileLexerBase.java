package dev.dockerlint.grammar;

import dev.dockerlint.grammar.shell.HeredocMarker;
import dev.dockerlint.grammar.shell.Heredocs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The state behind {@code DockerfileLexer.g4}: what a context-free lexer cannot know by itself.
 *
 * <ul>
 *   <li>the escape character, chosen by a {@code # escape=} directive at the top of the file;
 *   <li>whether parser directives may still appear (only before anything else);
 *   <li>which instruction is being lexed, so {@code [} starts JSON only where exec form exists and
 *       flags stop after the first non-flag word or {@code --};
 *   <li>the heredocs an instruction opens. Like BuildKit, they are found in the whole logical line
 *       once it is complete, with its shell word rules; their bodies follow the line.
 * </ul>
 *
 * <p>At end of input inside an instruction the lexer emits a zero-width {@code NEWLINE}, so every
 * instruction in the token stream ends with one.
 */
public abstract class DockerfileLexerBase extends Lexer {

  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "^([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*$");

  private int escape = '\\';
  private int lastType = -1;

  private int instruction = -1;
  private int outerInstruction = -1;
  private int instructionStart = -1;
  private boolean flagsDone;
  private boolean healthTypeSeen;
  private boolean nestedSeen;
  private boolean inFlagWord;

  /** Start/stop character indexes of the instruction's tokens, to build its logical line lazily. */
  private int[] lineTokens = new int[64];

  private int lineTokenCount;
  private int argsToken = -1;

  private final List<HeredocMarker> pendingHeredocs = new ArrayList<>();
  private int pendingIndex;
  private final Map<Integer, List<HeredocMarker>> heredocsByInstruction = new HashMap<>();
  private boolean eofNewlineEmitted;

  /** Where the next {@code <} from the current instruction is (see {@link #mayOpenHeredoc}). */
  private int nextLessThan = -1;

  /** The input of {@link #fastToken}, which reads the text in place. */
  private SourceCharStream in;

  protected DockerfileLexerBase(CharStream input) {
    super(input);
    _mode = DockerfileLexer.DIRECTIVES;
  }

  /** The escape character in force: {@code '\\'} or {@code '`'}. */
  public int escapeCharacter() {
    return escape;
  }

  /**
   * The heredocs each instruction opened, keyed by the character index where its keyword starts
   * (for ONBUILD, the index of ONBUILD). Bodies follow in the token stream in this order.
   */
  public Map<Integer, List<HeredocMarker>> heredocs() {
    return Collections.unmodifiableMap(heredocsByInstruction);
  }

  // ------------------------------------------------------------------------- token stream

  @Override
  public Token nextToken() {
    if (_mode == DockerfileLexer.DIRECTIVES) {
      leaveDirectivesUnlessDirectiveLine();
    }
    Token t = _hitEOF ? null : fastToken();
    if (t == null) {
      t = super.nextToken();
    }
    if (t.getType() == Token.EOF) {
      Token synthetic = endOfInputNewline(t);
      if (synthetic != null) {
        t = synthetic;
      }
    }
    track(t);
    return t;
  }

  /**
   * Most tokens of a Dockerfile are argument text, comments, blanks, line continuations and line
   * ends, where a single rule of the grammar matches whatever follows: those tokens are matched
   * here, exactly as ANTLR's simulator would match them (longest match, then the first rule; the
   * same actions), without simulating the lexer per character. Returns null wherever the grammar
   * has a choice to make; a subclass that always returns null lexes with the simulator alone (the
   * tests compare both).
   */
  protected Token fastToken() {
    if (!(_input instanceof SourceCharStream stream)) {
      return null;
    }
    in = stream;
    int c = in.la(1);
    switch (_mode) {
      case DockerfileLexer.DEFAULT_MODE:
        return c == '\n' || c == '\r'
            ? lineEnd(c, false)
            : comment(c, DockerfileLexer.COMMENT, false);
      case DockerfileLexer.FLAGS:
        {
          Token t =
              c == '\n' || c == '\r'
                  ? lineEnd(c, true)
                  : continuation(c, DockerfileLexer.FLAGS_LINE_START);
          return t != null ? t : flagsWord(c);
        }
      case DockerfileLexer.JSON:
        return c == '\n' || c == '\r'
            ? lineEnd(c, true)
            : continuation(c, DockerfileLexer.JSON_LINE_START);
      case DockerfileLexer.RAW:
        return raw(c, '\\', DockerfileLexer.RAW_LINE_START);
      case DockerfileLexer.RAW_BT:
        return raw(c, '`', DockerfileLexer.RAW_BT_LINE_START);
      case DockerfileLexer.RAW_LINE_START, DockerfileLexer.RAW_BT_LINE_START:
        {
          Token t = comment(c, DockerfileLexer.CONTINUATION_COMMENT, true);
          return t != null ? t : leadingBlanks(c);
        }
      default:
        return null;
    }
  }

  /**
   * RAW (RAW_BT): RAW_TEXT up to a newline, a carriage return or the escape character (no other
   * rule starts with any other character), the line end (R_NEWLINE, longer than R_CR) or a line
   * continuation (R_CONTINUATION, longer than R_ESCAPED and R_ESCAPE_RUN).
   */
  private Token raw(int c, int escapeChar, int lineStartMode) {
    if (c == escapeChar) {
      return continuationOf(lineStartMode);
    }
    if (c == '\n' || c == '\r') {
      return lineEnd(c, true);
    }
    if (c == CharStream.EOF) {
      return null;
    }
    consumeMatched(in.rawTextEnd(_input.index() + 1, escapeChar) - _input.index(), false);
    return emitMatched(DockerfileLexer.RAW_TEXT);
  }

  /**
   * A line continuation, {@code [ \t]* '\r'* '\n'} after the escape character, as R_CONTINUATION
   * and, once their predicate holds, F_CONTINUATION and J_CONTINUATION match it: every other rule
   * that starts with an escape character matches at most it and the next character, which is
   * shorter.
   */
  private Token continuationOf(int lineStartMode) {
    int i = 2;
    while (in.la(i) == ' ' || in.la(i) == '\t') {
      i++;
    }
    while (in.la(i) == '\r') {
      i++;
    }
    if (in.la(i) != '\n') {
      return null;
    }
    consumeMatched(i, true);
    continueLine(lineStartMode);
    _channel = DockerfileLexer.CONTINUATIONS;
    return emitMatched(DockerfileLexer.CONTINUATION);
  }

  /**
   * F_CONTINUATION, J_CONTINUATION: {@code [\\`] {continuationHere()}? ...}; the predicate asks for
   * the escape character in force, not right after another one.
   */
  private Token continuation(int c, int lineStartMode) {
    if (c != escape || _input.LA(-1) == escape) {
      return null;
    }
    return continuationOf(lineStartMode);
  }

  /**
   * NEWLINE ({@code '\r'* '\n'}) from {@code c}, a newline or a carriage return: where the carriage
   * returns end in a newline no rule matches longer (WS, R_CR, LEADING_BLANK stop before it).
   */
  private Token lineEnd(int c, boolean endsInstruction) {
    int length = 1;
    if (c == '\r') {
      while (in.la(length) == '\r') {
        length++;
      }
      if (in.la(length) != '\n') {
        return null;
      }
    }
    consumeMatched(length, true);
    if (endsInstruction) {
      endInstruction();
    }
    return emitMatched(DockerfileLexer.NEWLINE);
  }

  /**
   * COMMENT ({@code BLANK* '#' ~[\n]*}) at the start of a line, or a comment line inside a
   * continuation ({@code BLANK* '#' ~[\n]* '\n'}, with its newline). Every other rule that can
   * match there stops before the newline, so the comment is the longest match; where lengths tie (a
   * lone {@code #} is also an unknown instruction word), the comment rule comes first.
   */
  private Token comment(int c, int type, boolean withNewline) {
    if (c != '#' && !isBlank(c)) {
      return null;
    }
    int i = 1;
    while (isBlank(in.la(i))) {
      i++;
    }
    if (in.la(i) != '#') {
      return null;
    }
    int end = in.lineEnd(_input.index() + i);
    if (withNewline && end == _input.size()) {
      return null;
    }
    consumeMatched(end - _input.index() + (withNewline ? 1 : 0), withNewline);
    _channel = DockerfileLexer.COMMENTS;
    return emitMatched(type);
  }

  /**
   * RL_BLANK (RBL_BLANK): blanks at the start of a continued line, from a space or a tab (RL_TEXT
   * cannot start with either), when neither a newline (RL_EMPTY_LINE) nor a comment follows them.
   */
  private Token leadingBlanks(int c) {
    if (c != ' ' && c != '\t') {
      return null;
    }
    int i = 2;
    while (isBlank(in.la(i))) {
      i++;
    }
    int d = in.la(i);
    if (d == '\n' || d == '#' || d == CharStream.EOF) {
      return null;
    }
    consumeMatched(i - 1, false);
    popMode();
    return emitMatched(DockerfileLexer.RAW_TEXT);
  }

  /**
   * FLAGS: WS from a space or a tab (only F_NEWLINE could also start at a carriage return), or
   * ARGS_WORD from a character that starts no other rule (not a blank, newline, escape character,
   * {@code [} or {@code -}).
   */
  private Token flagsWord(int c) {
    if (c == ' ' || c == '\t') {
      int i = 2;
      for (int d = in.la(i); d == ' ' || d == '\t' || d == 0x0B || d == '\f' || d == '\r'; ) {
        d = in.la(++i);
      }
      consumeMatched(i - 1, false);
      return emitMatched(DockerfileLexer.WS);
    }
    if (c == CharStream.EOF || c == '[' || c == '-' || endsArgsWord(c)) {
      return null;
    }
    int i = 2;
    while (!endsArgsWord(in.la(i))) {
      i++;
    }
    consumeMatched(i - 1, false);
    onArgsWord();
    return emitMatched(DockerfileLexer.ARGS_WORD);
  }

  /** Not part of ARGS_WORD: {@code [ \t\u000B\f\r\n\\`]} and the end of the input. */
  private static boolean endsArgsWord(int c) {
    return c == ' '
        || c == '\t'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == '\n'
        || c == '\\'
        || c == '`'
        || c == CharStream.EOF;
  }

  /** The grammar's BLANK: Go's unicode.IsSpace without the newline. */
  private static boolean isBlank(int c) {
    return c != '\n' && GoText.isSpace(c);
  }

  /**
   * Starts a token of the {@code length} characters at the input position and moves past them, as
   * {@link Lexer#nextToken} and the simulator do before the rule's actions run; a token that ends
   * with a newline moves to the next line.
   */
  private void consumeMatched(int length, boolean endsLine) {
    LexerATNSimulator sim = getInterpreter();
    _token = null;
    _type = Token.INVALID_TYPE;
    _channel = Token.DEFAULT_CHANNEL;
    _text = null;
    _tokenStartCharIndex = _input.index();
    _tokenStartLine = sim.getLine();
    _tokenStartCharPositionInLine = sim.getCharPositionInLine();
    _input.seek(_tokenStartCharIndex + length);
    if (endsLine) {
      sim.setLine(_tokenStartLine + 1);
      sim.setCharPositionInLine(0);
    } else {
      sim.setCharPositionInLine(_tokenStartCharPositionInLine + length);
    }
  }

  /**
   * Emits the consumed token as {@link Lexer#nextToken} does: of the type an action set, or this.
   */
  private Token emitMatched(int type) {
    if (_type == Token.INVALID_TYPE) {
      _type = type;
    }
    if (_input.LA(1) == CharStream.EOF) {
      _hitEOF = true;
    }
    return emit();
  }

  /**
   * Parser directives are only recognised at the top: at the start of each line there, look at the
   * whole line (BuildKit's directive regular expression) and leave for good at the first line that
   * is not a known directive.
   */
  private void leaveDirectivesUnlessDirectiveLine() {
    int index = _input.index();
    boolean lineStart = index == 0 || _input.LA(-1) == '\n' || _input.LA(-1) == 0xFEFF;
    if (!lineStart || (index == 0 && _input.LA(1) == 0xFEFF)) {
      return;
    }
    StringBuilder line = new StringBuilder();
    for (int i = 1; ; i++) {
      int c = _input.LA(i);
      if (c == '\n' || c == CharStream.EOF) {
        break;
      }
      line.appendCodePoint(c);
    }
    if (directive(line.toString()) == null) {
      _mode = DockerfileLexer.DEFAULT_MODE;
    }
  }

  private Token endOfInputNewline(Token eof) {
    if (eofNewlineEmitted) {
      return null;
    }
    boolean inInstruction = instructionStart >= 0;
    if (!inInstruction && lastType != DockerfileLexer.DIRECTIVE) {
      return null;
    }
    eofNewlineEmitted = true;
    if (inInstruction) {
      endInstruction();
    }
    int index = _input.index();
    return _factory.create(
        _tokenFactorySourcePair,
        DockerfileLexer.NEWLINE,
        "",
        Token.DEFAULT_CHANNEL,
        index,
        index - 1,
        eof.getLine(),
        eof.getCharPositionInLine());
  }

  private void track(Token t) {
    if (t.getChannel() != Token.DEFAULT_CHANNEL) {
      return;
    }
    int type = t.getType();
    if (instructionStart >= 0 && type != DockerfileLexer.NEWLINE) {
      if (argsToken < 0 && isArgumentToken(type)) {
        argsToken = lineTokenCount;
      }
      if (2 * lineTokenCount + 2 > lineTokens.length) {
        lineTokens = java.util.Arrays.copyOf(lineTokens, lineTokens.length * 2);
      }
      lineTokens[2 * lineTokenCount] = t.getStartIndex();
      lineTokens[2 * lineTokenCount + 1] = t.getStopIndex();
      lineTokenCount++;
    }
    inFlagWord = type == DockerfileLexer.FLAG || type == DockerfileLexer.FLAG_TEXT;
    lastType = type;
  }

  private static boolean isArgumentToken(int type) {
    return type == DockerfileLexer.RAW_TEXT
        || type == DockerfileLexer.LBRACK
        || type == DockerfileLexer.RBRACK
        || type == DockerfileLexer.COMMA
        || type == DockerfileLexer.JSON_STRING
        || type == DockerfileLexer.JSON_OTHER;
  }

  // ------------------------------------------------------------------------- predicates
  // (each is evaluated after the lexer consumed at least one character of the token)

  /** At the end of the physical line: only carriage returns before the newline or end of input. */
  protected boolean atLineEnd() {
    int i = 1;
    while (_input.LA(i) == '\r') {
      i++;
    }
    return _input.LA(i) == '\n' || _input.LA(i) == CharStream.EOF;
  }

  /** The character just consumed is the escape character. */
  protected boolean escapePrecedes() {
    return _input.LA(-1) == escape;
  }

  /**
   * The character just consumed starts a line continuation: it is the escape character, only blanks
   * follow to the end of the line, and the character before it is not itself the escape character
   * (BuildKit's regular expression; so {@code foo \\\} does not continue either).
   */
  protected boolean continuationHere() {
    return _input.LA(-1) == escape && _input.LA(-2) != escape && continuationFollows(1);
  }

  /** The escape character just consumed escapes the next character (it is no continuation). */
  protected boolean escapedPairHere() {
    return escapePrecedes() && !continuationHere();
  }

  /** A backslash or backtick that neither escapes a character nor continues the line. */
  protected boolean loneEscapeHere() {
    return !escapePrecedes() || (!continuationHere() && _input.LA(1) == '\n');
  }

  private boolean continuationFollows(int from) {
    int i = from;
    while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
      i++;
    }
    while (_input.LA(i) == '\r') {
      i++;
    }
    return _input.LA(i) == '\n' || _input.LA(i) == CharStream.EOF;
  }

  protected boolean inFlagWord() {
    return inFlagWord;
  }

  private boolean flagAllowed() {
    return !flagsDone && !(instruction == DockerfileLexer.HEALTHCHECK && healthTypeSeen);
  }

  /** Exec form exists for RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME and HEALTHCHECK CMD. */
  private boolean jsonAllowed() {
    switch (instruction) {
      case DockerfileLexer.RUN,
      DockerfileLexer.CMD,
      DockerfileLexer.ENTRYPOINT,
      DockerfileLexer.SHELL,
      DockerfileLexer.ADD,
      DockerfileLexer.COPY,
      DockerfileLexer.VOLUME:
        return true;
      case DockerfileLexer.HEALTHCHECK:
        return healthTypeSeen;
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------------- actions

  protected void onDirective() {
    String[] kv = directive(getText());
    if (kv != null && kv[0].equals("escape") && (kv[1].equals("`") || kv[1].equals("\\"))) {
      escape = kv[1].charAt(0);
    }
  }

  protected void startInstruction(int type) {
    instruction = type;
    outerInstruction = type;
    instructionStart = _tokenStartCharIndex;
    flagsDone = false;
    healthTypeSeen = false;
    nestedSeen = false;
    lineTokenCount = 0;
    argsToken = -1;
    pushMode(DockerfileLexer.FLAGS);
  }

  /** A line continuation: the next line starts in {@code lineStartMode}. */
  protected void continueLine(int lineStartMode) {
    pushMode(lineStartMode);
  }

  protected void onFlag() {
    if (!flagAllowed()) {
      setType(DockerfileLexer.RAW_TEXT);
      mode(raw());
      return;
    }
    setType(DockerfileLexer.FLAG);
    if (getText().equals("--")) {
      flagsDone = true;
    }
  }

  /** The first word after the flags: ONBUILD's instruction, HEALTHCHECK's type, or arguments. */
  protected void onArgsWord() {
    if (instruction == DockerfileLexer.ONBUILD && !nestedSeen) {
      nestedSeen = true;
      instruction = keywordType(matchedText());
      setType(instruction);
      flagsDone = false;
      return;
    }
    if (instruction == DockerfileLexer.HEALTHCHECK && !healthTypeSeen) {
      healthTypeSeen = true;
      setType(DockerfileLexer.HEALTH_TYPE);
      return;
    }
    setType(DockerfileLexer.RAW_TEXT);
    mode(raw());
  }

  protected void onBracket() {
    if (jsonAllowed()) {
      setType(DockerfileLexer.LBRACK);
      mode(DockerfileLexer.JSON);
    } else {
      setType(DockerfileLexer.RAW_TEXT);
      mode(raw());
    }
  }

  /**
   * The text of the token being matched, from where it starts: {@link #getText()} asks the
   * simulator, which does not know where tokens matched by {@link #fastToken} start.
   */
  private String matchedText() {
    return _input.getText(Interval.of(_tokenStartCharIndex, _input.index() - 1));
  }

  /** The raw-argument mode for the escape character in force. */
  private int raw() {
    return escape == '`' ? DockerfileLexer.RAW_BT : DockerfileLexer.RAW;
  }

  protected void onArgsStart() {
    mode(raw());
  }

  /** The logical line is complete: find the heredocs it opens, like BuildKit does. */
  protected void endInstruction() {
    _modeStack.clear();
    _mode = DockerfileLexer.DEFAULT_MODE;
    if (instructionStart < 0) {
      return;
    }
    List<HeredocMarker> markers = List.of();
    if (heredocCapable() && mayOpenHeredoc()) {
      StringBuilder sb = new StringBuilder();
      int argsStart = -1;
      for (int k = 0; k < lineTokenCount; k++) {
        if (k == argsToken) {
          argsStart = sb.length();
        }
        int start = lineTokens[2 * k];
        int stop = lineTokens[2 * k + 1];
        if (stop >= start) {
          sb.append(_input.getText(Interval.of(start, stop)));
        }
      }
      String line = sb.toString();
      if (line.contains("<<")
          && !(argsStart >= 0 && JsonStringArray.parse(line.substring(argsStart)).isPresent())) {
        markers = Heredocs.fromLine(line);
      }
    }
    if (!markers.isEmpty()) {
      heredocsByInstruction.put(instructionStart, List.copyOf(markers));
      pendingHeredocs.clear();
      pendingHeredocs.addAll(markers);
      pendingIndex = 0;
      pushMode(DockerfileLexer.HEREDOC);
    }
    instructionStart = -1;
    instruction = -1;
    outerInstruction = -1;
  }

  /** Whether a {@code <} is in the line's tokens at all: a heredoc needs {@code <<}. */
  private boolean mayOpenHeredoc() {
    if (!(_input instanceof SourceCharStream text)) {
      return true;
    }
    if (nextLessThan < instructionStart) {
      nextLessThan = text.indexOf('<', instructionStart);
    }
    if (nextLessThan >= _input.index()) {
      return false;
    }
    for (int k = 0; k < lineTokenCount; k++) {
      if (text.contains('<', lineTokens[2 * k], lineTokens[2 * k + 1] + 1)) {
        return true;
      }
    }
    return false;
  }

  private boolean heredocCapable() {
    if (outerInstruction != DockerfileLexer.ONBUILD && outerInstruction != instruction) {
      return false;
    }
    return instruction == DockerfileLexer.RUN
        || instruction == DockerfileLexer.COPY
        || instruction == DockerfileLexer.ADD;
  }

  protected void onHeredocLine() {
    HeredocMarker marker = pendingHeredocs.get(pendingIndex);
    String text = getText();
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    int begin = 0;
    if (marker.chomp()) {
      while (begin < end && text.charAt(begin) == '\t') {
        begin++;
      }
    }
    if (text.substring(begin, end).equals(marker.name())) {
      setType(DockerfileLexer.HEREDOC_END);
      pendingIndex++;
      if (pendingIndex == pendingHeredocs.size()) {
        pendingHeredocs.clear();
        popMode();
      }
    }
  }

  // ------------------------------------------------------------------------- helpers

  /**
   * Parses a directive line (after BuildKit's trimming) into its lower-case key and value, or null
   * when it is not one of the known directives.
   */
  public static String[] directive(String line) {
    String s = line.strip();
    if (!s.startsWith("#")) {
      return null;
    }
    s = s.substring(1).stripLeading();
    if (s.indexOf('=') < 0) {
      return null;
    }
    Matcher m = DIRECTIVE.matcher(s);
    if (!m.matches()) {
      return null;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!key.equals("syntax") && !key.equals("escape") && !key.equals("check")) {
      return null;
    }
    return new String[] {key, m.group(2)};
  }

  /** The token type of an instruction keyword, case-insensitive; unknown words get their own. */
  public static int keywordType(String word) {
    switch (word.toUpperCase(Locale.ROOT)) {
      case "FROM":
        return DockerfileLexer.FROM;
      case "RUN":
        return DockerfileLexer.RUN;
      case "CMD":
        return DockerfileLexer.CMD;
      case "LABEL":
        return DockerfileLexer.LABEL;
      case "MAINTAINER":
        return DockerfileLexer.MAINTAINER;
      case "EXPOSE":
        return DockerfileLexer.EXPOSE;
      case "ENV":
        return DockerfileLexer.ENV;
      case "ADD":
        return DockerfileLexer.ADD;
      case "COPY":
        return DockerfileLexer.COPY;
      case "ENTRYPOINT":
        return DockerfileLexer.ENTRYPOINT;
      case "VOLUME":
        return DockerfileLexer.VOLUME;
      case "USER":
        return DockerfileLexer.USER;
      case "WORKDIR":
        return DockerfileLexer.WORKDIR;
      case "ARG":
        return DockerfileLexer.ARG;
      case "ONBUILD":
        return DockerfileLexer.ONBUILD;
      case "STOPSIGNAL":
        return DockerfileLexer.STOPSIGNAL;
      case "HEALTHCHECK":
        return DockerfileLexer.HEALTHCHECK;
      case "SHELL":
        return DockerfileLexer.SHELL;
      default:
        return DockerfileLexer.UNKNOWN_INSTRUCTION;
    }
  }
}
