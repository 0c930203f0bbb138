package dev.dockerlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * A Dockerfile's text for fixing: without its byte order mark and, when every line ends in CRLF,
 * with LF line ends, so fixes insert plain {@code \n}; {@link #restore} puts both back. Written
 * atomically (temporary file in the same folder, then rename) with the original's permissions.
 */
record SourceFile(String text, boolean bom, boolean crlf) {
  private static final char BOM = '\uFEFF';

  static SourceFile of(String decoded) {
    boolean bom = !decoded.isEmpty() && decoded.charAt(0) == BOM;
    String t = bom ? decoded.substring(1) : decoded;
    boolean crlf = allCrlf(t);
    return new SourceFile(crlf ? t.replace("\r\n", "\n") : t, bom, crlf);
  }

  /** {@code fixed} with this file's byte order mark and line ends. */
  String restore(String fixed) {
    String t = crlf ? fixed.replace("\r\n", "\n").replace("\n", "\r\n") : fixed;
    return bom ? BOM + t : t;
  }

  private static boolean allCrlf(String t) {
    int lf = 0;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '\n') {
        if (i == 0 || t.charAt(i - 1) != '\r') {
          return false;
        }
        lf++;
      }
    }
    return lf > 0;
  }

  /**
   * Replaces the file's content atomically: a reader sees the old or the new text, never a part. A
   * symbolic link is followed, so the link stays a link.
   */
  static void writeAtomically(Path path, String text) throws IOException {
    Path target = path.toRealPath();
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".dockerlint-tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
