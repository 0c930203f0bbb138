package dev.dockerlint.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Writes each message as lsp4j's {@code StreamMessageConsumer} does (a {@code Content-Length}
 * header, then the JSON in UTF-8), but encodes the JSON straight into a byte buffer each thread
 * keeps for its next message. lsp4j builds the JSON as a String in a growing buffer, copies it into
 * a String and again into UTF-8 bytes: on the 2,000-line benchmark file the diagnostics of each
 * keystroke are about 100 KB of JSON, and those copies were a quarter of what a keystroke
 * allocated, which the young collections that make the slow keystrokes then had to clear away.
 */
final class Utf8MessageConsumer implements MessageConsumer {
  /** A buffer that grew beyond this is not kept (a 5 MB document's semantic tokens, say). */
  static final int MAX_KEPT = 1 << 20;

  private final OutputStream output;
  private final MessageJsonHandler json;
  private final Object outputLock = new Object();
  private final ThreadLocal<Utf8Buffer> buffers = ThreadLocal.withInitial(Utf8Buffer::new);

  Utf8MessageConsumer(OutputStream output, MessageJsonHandler json) {
    this.output = output;
    this.json = json;
  }

  @Override
  public void consume(Message message) {
    Utf8Buffer b = buffers.get();
    b.reset();
    try {
      json.serialize(message, b);
      b.close();
      byte[] header =
          ("Content-Length: " + b.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      synchronized (outputLock) {
        output.write(header);
        output.write(b.bytes(), 0, b.size());
        output.flush();
      }
    } catch (IOException e) {
      throw new JsonRpcException(e);
    } finally {
      b.release();
    }
  }

  /**
   * A writer that encodes what it is given as UTF-8 into a byte array, as {@code
   * String.getBytes(UTF_8)} does: a surrogate pair as one 4-byte character, a lone surrogate as
   * {@code ?}.
   */
  static final class Utf8Buffer extends Writer {
    private static final int INITIAL = 8192;
    private byte[] bytes = new byte[INITIAL];
    private int size;

    /** A high surrogate waiting for its low one, or 0. */
    private char high;

    void reset() {
      size = 0;
      high = 0;
    }

    /** Lets go of a buffer grown too large to keep. */
    void release() {
      if (bytes.length > MAX_KEPT) {
        bytes = new byte[INITIAL];
      }
    }

    byte[] bytes() {
      return bytes;
    }

    int size() {
      return size;
    }

    @Override
    public void write(int c) {
      put((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      for (int k = off; k < off + len; k++) {
        put(cbuf[k], off + len - k);
      }
    }

    @Override
    public void write(String str, int off, int len) {
      for (int k = off; k < off + len; k++) {
        put(str.charAt(k), off + len - k);
      }
    }

    @Override
    public Writer append(CharSequence csq) {
      String s = String.valueOf(csq);
      write(s, 0, s.length());
      return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) {
      return append(String.valueOf(csq).subSequence(start, end));
    }

    @Override
    public Writer append(char c) {
      put(c);
      return this;
    }

    /** {@code c}, one of {@code remaining} more characters to come: ASCII at once. */
    private void put(char c, int remaining) {
      if (c < 0x80 && high == 0) {
        if (size == bytes.length) {
          room(remaining);
        }
        bytes[size++] = (byte) c;
      } else {
        put(c);
      }
    }

    private void put(char c) {
      if (high != 0) {
        char h = high;
        high = 0;
        if (Character.isLowSurrogate(c)) {
          int cp = Character.toCodePoint(h, c);
          room(4);
          bytes[size++] = (byte) (0xF0 | (cp >> 18));
          bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          bytes[size++] = (byte) (0x80 | (cp & 0x3F));
          return;
        }
        room(1);
        bytes[size++] = '?';
      }
      if (c < 0x80) {
        room(1);
        bytes[size++] = (byte) c;
      } else if (c < 0x800) {
        room(2);
        bytes[size++] = (byte) (0xC0 | (c >> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)) {
        high = c;
      } else if (Character.isLowSurrogate(c)) {
        room(1);
        bytes[size++] = '?';
      } else {
        room(3);
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }

    /** Room for {@code n} more bytes, at least (a character takes up to 3, a pair 4). */
    private void room(int n) {
      if (size + n + 4 > bytes.length) {
        byte[] grown = new byte[Math.max(bytes.length * 2, size + n + 4)];
        System.arraycopy(bytes, 0, grown, 0, size);
        bytes = grown;
      }
    }

    @Override
    public void flush() {}

    /** Ends the message: a high surrogate left waiting is a lone one. */
    @Override
    public void close() {
      if (high != 0) {
        high = 0;
        room(1);
        bytes[size++] = '?';
      }
    }
  }
}
