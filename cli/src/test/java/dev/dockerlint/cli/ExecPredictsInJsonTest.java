package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dockerlint --format json --context DIR DIR/Dockerfile} names the runtime error in {@code
 * predicts} for the interpreter and exec-path rules, whose findings come from files of the build
 * context.
 */
class ExecPredictsInJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENTRY =
      "FROM scratch\nCOPY --chmod=755 run.sh /run.sh\n" + "ENTRYPOINT [\"/run.sh\"]\n";

  @TempDir Path dir;

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** An ELF64 little-endian header with one PT_LOAD and, if given, a PT_INTERP. */
  private static byte[] elf(int machine, String interpreter) {
    byte[] interp = interpreter == null ? new byte[0] : text(interpreter + "\0");
    int phnum = interpreter == null ? 1 : 2;
    int dataAt = 64 + 56 * phnum;
    ByteBuffer b = ByteBuffer.allocate(dataAt + interp.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
    b.putShort((short) (interpreter == null ? 2 : 3)).putShort((short) machine).putInt(1);
    b.putLong(0x400000L + dataAt).putLong(64).putLong(0).putInt(0);
    b.putShort((short) 64).putShort((short) 56).putShort((short) phnum);
    b.putShort((short) 64).putShort((short) 0).putShort((short) 0);
    b.putInt(1).putInt(5).putLong(0).putLong(0x400000).putLong(0x400000);
    b.putLong(dataAt + interp.length).putLong(dataAt + interp.length).putLong(0x1000);
    if (interpreter != null) {
      b.putInt(3).putInt(4).putLong(dataAt).putLong(0x400000L + dataAt).putLong(0x400000L + dataAt);
      b.putLong(interp.length).putLong(interp.length).putLong(1);
      b.put(interp);
    }
    return b.array();
  }

  static Stream<Arguments> predictingRules() {
    return Stream.of(
        Arguments.of(
            "DKL1300",
            "exec format error",
            "FROM scratch\nCOPY --chmod=755 tool /tool\nENTRYPOINT [\"/tool\"]\n",
            Map.of("tool", elf(183, null))),
        Arguments.of("DKL1301", "exec format error", ENTRY, Map.of("run.sh", text("echo hi\n"))),
        Arguments.of(
            "DKL1302",
            "exec format error",
            ENTRY,
            Map.of("run.sh", text("\uFEFF#!/bin/sh\necho hi\n"))),
        Arguments.of(
            "DKL1303",
            "no such file or directory",
            ENTRY,
            Map.of("run.sh", text("#!/bin/sh\r\necho hi\r\n"))),
        Arguments.of(
            "DKL1304",
            "permission denied",
            "FROM scratch\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n",
            Map.of("run.sh", text("#!/run.sh\n"))),
        Arguments.of(
            "DKL1305",
            "no such file or directory",
            "FROM scratch\nCOPY run.sh /run.sh\nENTRYPOINT [\"/app\"]\n",
            Map.of("run.sh", text("#!/bin/sh\n"))),
        Arguments.of(
            "DKL1305",
            "executable file not found in $PATH",
            "FROM scratch\nCMD [\"app\"]\n",
            Map.of()),
        Arguments.of(
            "DKL1306",
            "no such file or directory",
            ENTRY,
            Map.of("run.sh", text("#!/bin/bash\necho hi\n"))),
        Arguments.of(
            "DKL1307",
            "no such file or directory",
            "FROM scratch\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo hi\n",
            Map.of()),
        Arguments.of(
            "DKL1308",
            "no such file or directory",
            "FROM scratch\nCOPY --chmod=755 app /app\nENTRYPOINT [\"/app\"]\n",
            Map.of("app", elf(62, "/lib64/ld-linux-x86-64.so.2"))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("predictingRules")
  void jsonNamesThePredictedError(
      String code, String predicts, String dockerfile, Map<String, byte[]> files)
      throws IOException {
    Path context = Files.createDirectories(dir.resolve("context"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(context.resolve(f.getKey()), f.getValue());
    }
    Path file = Files.writeString(context.resolve("Dockerfile"), dockerfile);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--format", "json", "--platform", "linux/amd64", "--context", context.toString()));
    args.add(file.toString());

    CliRun r = CliRun.run(args.toArray(String[]::new));

    JsonNode diagnostics = JSON.readTree(r.out()).path("files").path(0).path("diagnostics");
    List<String> found = new ArrayList<>();
    for (JsonNode d : diagnostics) {
      if (d.path("code").asText().equals(code)) {
        found.add(d.path("predicts").asText());
      }
    }
    assertThat(found).as(r.out()).contains(predicts);
    assertThat(r.exit()).isEqualTo(1);
  }
}
