package dev.dockerlint.lsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Answers {@code initialize}, the client's first message, while the server is still being built.
 *
 * <p>The answer does not depend on the request: the server's capabilities are fixed (see {@link
 * DockerlintLanguageServer#initialize}, which a test holds to {@link #CAPABILITIES}). Building the
 * server (lsp4j's reflection over the protocol, the rules, the JSON layer) takes several hundred
 * milliseconds of a start; the client need not wait for it to send {@code initialized} and open its
 * documents: they wait in the pipe until the server reads them, in order.
 *
 * <p>The first message is read here with the JDK alone, answered when it is a well-formed {@code
 * initialize} request, and then handed on unchanged, ahead of the rest of the input: lsp4j reads it
 * as it would have, the server applies its settings and client capabilities, and only lsp4j's
 * answer to it, which the client already has, is left out ({@link LspLauncher}). Anything else
 * (another method first, a header or JSON this reader does not take, the end of the input) is
 * handed on the same way without an answer, and lsp4j answers it as before.
 */
final class EarlyInitialize {
  private EarlyInitialize() {}

  /**
   * The {@code capabilities} of the server's {@code initialize} result, as lsp4j writes them
   * (compact). {@code EarlyInitializeTest} fails when {@link DockerlintLanguageServer#initialize}
   * answers anything else.
   */
  static final String CAPABILITIES =
      "{\"textDocumentSync\":2,\"hoverProvider\":true,\"completionProvider\":"
          + "{\"resolveProvider\":false,\"triggerCharacters\":[\"$\",\"{\",\"-\",\"=\",\",\"]},"
          + "\"definitionProvider\":true,\"referencesProvider\":true,"
          + "\"documentHighlightProvider\":true,\"documentSymbolProvider\":true,"
          + "\"workspaceSymbolProvider\":true,\"codeActionProvider\":{\"codeActionKinds\":"
          + "[\"quickfix\",\"source.fixAll.dockerlint\",\"source\"]},"
          + "\"documentFormattingProvider\":true,\"documentRangeFormattingProvider\":true,"
          + "\"renameProvider\":{\"prepareProvider\":true},"
          + "\"documentLinkProvider\":{\"resolveProvider\":false},\"foldingRangeProvider\":true,"
          + "\"executeCommandProvider\":{\"commands\":[\"dockerlint.explain\"]},"
          + "\"semanticTokensProvider\":{\"legend\":{\"tokenTypes\":[\"keyword\",\"comment\","
          + "\"string\",\"variable\",\"parameter\",\"namespace\",\"type\",\"operator\",\"macro\"],"
          + "\"tokenModifiers\":[\"declaration\",\"defaultLibrary\"]},\"range\":false,"
          + "\"full\":{\"delta\":true}},\"inlayHintProvider\":true}";

  /** The longest header block read here; a longer one is left to lsp4j. */
  private static final int MAX_HEADER = 1024;

  /** The longest first message read here (initialization options included). */
  private static final int MAX_CONTENT = 16 << 20;

  /** The deepest JSON nesting read here. */
  private static final int MAX_DEPTH = 256;

  /**
   * What reading the first message left.
   *
   * @param rest the input for lsp4j: the bytes read here, then the rest of {@code in}
   * @param answeredId the id of the {@code initialize} request answered here (a number's digits or
   *     a string's value, as lsp4j's {@code getId()} gives it), or null when nothing was answered
   */
  record First(InputStream rest, String answeredId) {}

  /** The server's version, as {@code serverInfo} gives it. */
  static String version() {
    String v = EarlyInitialize.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** Reads the first message from {@code in} and answers it on {@code out} when it can. */
  static First answer(InputStream in, OutputStream out) {
    BufferedInputStream input = new BufferedInputStream(in);
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    String id = null;
    try {
      byte[] content = readMessage(input, read);
      id = content == null ? null : initializeId(content);
      if (id != null) {
        write(out, id);
      }
    } catch (IOException e) {
      // the client is gone or the output closed: lsp4j finds out the same way
      id = null;
    }
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(read.toByteArray()), input);
    return new First(rest, id == null ? null : idValue(id));
  }

  /** The content of the first message (every byte read also goes to {@code read}), or null. */
  private static byte[] readMessage(InputStream in, ByteArrayOutputStream read) throws IOException {
    int length = -1;
    StringBuilder line = new StringBuilder();
    int headerBytes = 0;
    while (true) {
      int c = in.read();
      if (c < 0 || ++headerBytes > MAX_HEADER) {
        return null;
      }
      read.write(c);
      if (c != '\n') {
        line.append((char) c);
        continue;
      }
      if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
        return null;
      }
      line.setLength(line.length() - 1);
      if (line.length() == 0) {
        break;
      }
      int colon = line.indexOf(":");
      if (colon < 0) {
        return null;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        if (length >= 0 || value.isEmpty() || value.length() > 9) {
          return null;
        }
        length = 0;
        for (int k = 0; k < value.length(); k++) {
          char d = value.charAt(k);
          if (d < '0' || d > '9') {
            return null;
          }
          length = length * 10 + (d - '0');
        }
      } else if (name.equals("content-type")) {
        if (!utf8(value)) {
          return null;
        }
      } else {
        return null;
      }
      line.setLength(0);
    }
    if (length <= 0 || length > MAX_CONTENT) {
      return null;
    }
    byte[] content = in.readNBytes(length);
    read.write(content);
    return content.length == length ? content : null;
  }

  /** Whether a Content-Type names UTF-8 as its charset, or none (UTF-8 by default). */
  private static boolean utf8(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        String cs = p.substring("charset=".length()).replace("\"", "");
        return cs.equals("utf-8") || cs.equals("utf8");
      }
    }
    return true;
  }

  /**
   * The id of an {@code initialize} request with object params, as JSON text (digits, or a quoted
   * string as the client wrote it), or null when the content is anything else.
   */
  static String initializeId(byte[] content) {
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    return new Reader(json).initializeId();
  }

  /** The id as lsp4j's {@code getId()} gives it: a number's digits, a string's value. */
  private static String idValue(String id) {
    return id.startsWith("\"") ? new Reader(id).string() : id;
  }

  private static void write(OutputStream out, String id) throws IOException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"result\":{\"capabilities\":"
            + CAPABILITIES
            + ",\"serverInfo\":{\"name\":\"dockerlint\",\"version\":"
            + quote(version())
            + "}}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] header =
        ("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[header.length + bytes.length];
    System.arraycopy(header, 0, message, 0, header.length);
    System.arraycopy(bytes, 0, message, header.length, bytes.length);
    out.write(message);
    out.flush();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * A JSON reader that checks the whole text (RFC 8259) and keeps only the request's id and method.
   * Any error is an {@link IllegalArgumentException}, caught by {@link #initializeId()}.
   */
  private static final class Reader {
    private final String s;
    private int i;

    Reader(String s) {
      this.s = s;
    }

    String initializeId() {
      try {
        return requestId();
      } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
        return null;
      }
    }

    private String requestId() {
      space();
      expect('{');
      String id = null;
      String method = null;
      boolean params = false;
      Set<String> keys = new HashSet<>();
      space();
      if (peek() != '}') {
        while (true) {
          space();
          String key = string();
          if (!keys.add(key)) {
            throw new IllegalArgumentException("duplicate key " + key);
          }
          space();
          expect(':');
          space();
          switch (key) {
            case "id" -> id = id();
            case "method" -> method = string();
            case "params" -> {
              if (peek() != '{') {
                throw new IllegalArgumentException("params not an object");
              }
              value(1);
              params = true;
            }
            case "jsonrpc" -> {
              if (!"2.0".equals(string())) {
                throw new IllegalArgumentException("not JSON-RPC 2.0");
              }
            }
            default -> value(1);
          }
          space();
          if (peek() == ',') {
            i++;
            continue;
          }
          break;
        }
      }
      expect('}');
      space();
      if (i != s.length()) {
        throw new IllegalArgumentException("text after the message");
      }
      return "initialize".equals(method) && params ? id : null;
    }

    /** An id: an integer's digits or a string as written; anything else is not taken. */
    private String id() {
      int start = i;
      if (peek() == '"') {
        string();
        return s.substring(start, i);
      }
      integer();
      return s.substring(start, i);
    }

    private void value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("too deep");
      }
      char c = peek();
      switch (c) {
        case '{' -> members('}', true, depth);
        case '[' -> members(']', false, depth);
        case '"' -> skipString();
        case 't' -> literal("true");
        case 'f' -> literal("false");
        case 'n' -> literal("null");
        default -> number();
      }
    }

    /** An object's members or an array's elements, up to {@code close}. */
    private void members(char close, boolean keyed, int depth) {
      i++;
      space();
      if (peek() == close) {
        i++;
        return;
      }
      while (true) {
        space();
        if (keyed) {
          skipString();
          space();
          expect(':');
          space();
        }
        value(depth + 1);
        space();
        if (peek() != ',') {
          expect(close);
          return;
        }
        i++;
      }
    }

    /** An optional minus, then 0 or digits without a leading 0. */
    private void integer() {
      if (peek() == '-') {
        i++;
      }
      if (peek() == '0') {
        i++;
      } else {
        digits();
      }
    }

    private void number() {
      integer();
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        digits();
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (peek() == '+' || peek() == '-') {
          i++;
        }
        digits();
      }
    }

    private void digits() {
      int start = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start) {
        throw new IllegalArgumentException("digits expected at " + start);
      }
    }

    private void literal(String word) {
      if (!s.startsWith(word, i)) {
        throw new IllegalArgumentException(word + " expected at " + i);
      }
      i += word.length();
    }

    /** Checks a string whose value is not needed; the reader stands after its closing quote. */
    private void skipString() {
      expect('"');
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return;
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("control character in a string");
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          if (e == 'u') {
            for (int end = i + 4; i < end; i++) {
              if (Character.digit(s.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("bad \\u escape");
              }
            }
          } else if ("\"\\/bfnrt".indexOf(e) < 0) {
            throw new IllegalArgumentException("bad escape \\" + e);
          }
        }
      }
    }

    /** A string's value; the reader stands after its closing quote. */
    String string() {
      int start = i;
      skipString();
      String raw = s.substring(start + 1, i - 1);
      if (raw.indexOf('\\') < 0) {
        return raw;
      }
      // checked by skipString: every escape is complete and known
      StringBuilder b = new StringBuilder(raw.length());
      for (int k = 0; k < raw.length(); k++) {
        char c = raw.charAt(k);
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = raw.charAt(++k);
        switch (e) {
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            b.append((char) Integer.parseInt(raw, k + 1, k + 5, 16));
            k += 4;
          }
          default -> b.append(e); // " \ /
        }
      }
      return b.toString();
    }

    private void space() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        i++;
      }
    }

    private char peek() {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return s.charAt(i);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException(c + " expected at " + i);
      }
      i++;
    }
  }
}
