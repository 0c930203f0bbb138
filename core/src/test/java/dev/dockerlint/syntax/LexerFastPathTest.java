package dev.dockerlint.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.grammar.DockerfileLexer;
import dev.dockerlint.grammar.SourceCharStream;
import dev.dockerlint.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * The lexer matches argument text and comments without ANTLR's simulator, and reads the text
 * without copying it: both must give exactly the tokens (type, channel, span, line, column, text)
 * that the simulator gives over a copied code point stream.
 */
class LexerFastPathTest {

  @Test
  void everySharedDockerfileLexesAsTheSimulatorLexesIt() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(SharedData.corpus(""), SharedData.conformance(""))) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(1193);
    for (Path p : files) {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      assertThat(tokens(text, true)).as(p.toString()).isEqualTo(tokens(text, false));
    }
  }

  @Provide
  Arbitrary<String> dockerfiles() {
    Arbitrary<String> header = Arbitraries.of("", "# escape=`\n", "# escape=\\\n", "\uFEFF");
    Arbitrary<String> body =
        Arbitraries.of(
                "FROM",
                "RUN",
                "run",
                "COPY",
                "ONBUILD",
                "HEALTHCHECK",
                "CMD",
                "ENV",
                "ARG",
                "SHELL",
                "# escape=`",
                "# syntax=x",
                "#",
                "# c",
                " ",
                "\t",
                "\u00A0",
                "\u2028",
                "\n",
                "\r",
                "\r\n",
                "\\",
                "`",
                "\\\n",
                "`\n",
                " \\ \n",
                "\\\\",
                "``",
                "[",
                "]",
                "\"",
                "'",
                ",",
                "--mount=type=cache",
                "--",
                "=",
                "<<EOF",
                "<<-X",
                "EOF",
                "\tX",
                "X",
                "a",
                "echo hi",
                "${A}",
                "\uFEFF",
                "\uD83D\uDE00",
                "\uD83D",
                "é")
            .list()
            .ofMaxSize(60)
            .map(parts -> String.join("", parts));
    return Combinators.combine(header, body).as((h, b) -> h + b);
  }

  @Property(tries = 3000)
  void anyTextLexesAsTheSimulatorLexesIt(@ForAll("dockerfiles") String text) {
    assertThat(tokens(text, true)).isEqualTo(tokens(text, false));
  }

  private static List<String> tokens(String text, boolean fast) {
    DockerfileLexer lexer =
        fast
            ? new DockerfileLexer(SourceCharStream.of(text))
            : new DockerfileLexer(
                CharStreams.fromString(text.endsWith("\n") ? text : text + "\n")) {
              @Override
              protected Token fastToken() {
                return null;
              }
            };
    lexer.removeErrorListeners();
    List<String> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      out.add(
          t.getType()
              + "/"
              + t.getChannel()
              + " "
              + t.getStartIndex()
              + ".."
              + t.getStopIndex()
              + " "
              + t.getLine()
              + ":"
              + t.getCharPositionInLine()
              + " "
              + t.getText());
      if (t.getType() == Token.EOF) {
        break;
      }
    }
    out.add("escape " + lexer.escapeCharacter() + " heredocs " + lexer.heredocs());
    return out;
  }
}
