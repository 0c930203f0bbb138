package dev.dockerlint.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.parity.MaintainerDeprecated;
import dev.dockerlint.rules.syntax.EmptyContinuationLine;
import dev.dockerlint.rules.syntax.SyntaxError;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.syntax.EntrypointInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.testing.Snapshots;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/** Every output format over the same results, compared with its snapshot file. */
class FormatterSnapshotTest {

  /** A rule that predicts a runtime error, with a related place and an unsafe fix. */
  @RuleInfo(
      code = "DKL9990",
      name = "sample-exec-form",
      severity = Severity.ERROR,
      summary = "Sample rule for formatter tests",
      predicts = Predicts.EXEC_FORMAT_ERROR)
  static final class SampleRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
      for (Instruction i : ctx.file().instructions()) {
        if (i instanceof EntrypointInstruction e) {
          ctx.report(
              Finding.of(
                      e.header().arguments().range(), "The entrypoint \"app\" is built for arm64")
                  .withPredicts(Predicts.EXEC_FORMAT_ERROR)
                  .withRelated(ctx.file().instructions().get(0).range(), "the base image is amd64")
                  .withFix(
                      Fix.unsafe(
                          "Use the amd64 build",
                          new Edit(e.header().arguments().range(), "[\"/app-amd64\"]"))));
        }
      }
    }
  }

  static final RuleRegistry REGISTRY =
      new RuleRegistry(
          List.of(
              new SyntaxError(),
              new EmptyContinuationLine(),
              new MaintainerDeprecated(),
              new SampleRule()));

  static final String SAMPLE =
      "FROM alpine:3.20 AS base\n"
          + "MAINTAINER Jane <jane@example.com>\n"
          + "RUN apk add \\\n"
          + "\n"
          + "    curl\n"
          + "# dockerlint ignore=DKL0003\n"
          + "ENTRYPOINT [\"/app\"]\n";

  static List<FileResult> results() {
    Linter linter = new Linter(REGISTRY);
    List<FileResult> out = new ArrayList<>();
    out.add(
        FileResult.linted(
            "svc/Dockerfile",
            SAMPLE,
            linter
                .lint("svc/Dockerfile", SAMPLE, BuildOptions.defaults(), Optional.empty())
                .diagnostics()));
    out.add(FileResult.linted("clean.Dockerfile", "FROM alpine:3.20\n", List.of()));
    out.add(
        FileResult.failed(
            "bin/Dockerfile", "'bin/Dockerfile' is not a Dockerfile: it is a binary file"));
    return out;
  }

  static String render(String format) {
    List<RuleMeta> rules = new ArrayList<>(REGISTRY.metas());
    Formatter f =
        Formats.create(format, new Formats.Settings(false, "0.0.0-test", rules)).orElseThrow();
    StringWriter w = new StringWriter();
    f.write(results(), w);
    return w.toString();
  }

  static Stream<String> formats() {
    return Formats.NAMES.stream();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void matchesSnapshot(String format) {
    Snapshots.assertMatches("output/" + format + ".txt", render(format));
  }

  @Test
  void ttyWithColourMatchesSnapshot() {
    Formatter f =
        Formats.create("tty", new Formats.Settings(true, "0.0.0-test", List.of())).orElseThrow();
    StringWriter w = new StringWriter();
    f.write(results(), w);
    Snapshots.assertMatches("output/tty-color.txt", w.toString());
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchema() throws Exception {
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(in, InputFormat.JSON);
    }
    String sarif = render("sarif");
    assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
    JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
    assertThat(run.at("/tool/driver/rules").size()).isEqualTo(REGISTRY.metas().size());
    assertThat(run.at("/results/0/ruleId").asText()).isEqualTo("DKL4000");
    assertThat(run.at("/tool/driver/rules/5/helpUri").asText())
        .isEqualTo("https://dockerlint.dev/rules/dkl4000");
    assertThat(run.at("/tool/driver/rules/5/help/markdown").asText())
        .startsWith("# DKL4000 maintainer-deprecated");
    assertThat(
            run.at("/results/0/fixes/0/artifactChanges/0/replacements/0/insertedContent/text")
                .asText())
        .isEqualTo("LABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"");
  }

  @Test
  void sarifWithoutFindingsIsValidToo() throws Exception {
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(in, InputFormat.JSON);
    }
    StringWriter w = new StringWriter();
    new SarifFormatter("1", List.of()).write(List.of(), w);
    assertThat(schema.validate(w.toString(), InputFormat.JSON)).isEmpty();
    assertThat(schema.validate("{\"version\":\"2.1.0\",\"runs\":[{}]}", InputFormat.JSON))
        .as("the schema is enforced: a run needs a tool")
        .isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("xmlFormats")
  void xmlFormatsAreWellFormed(String format) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(render(format))));
  }

  static Stream<String> xmlFormats() {
    return Stream.of("checkstyle", "junit");
  }

  @Test
  void gitlabFingerprintsSurviveLinesAddedAbove() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Linter linter = new Linter(REGISTRY);
    String before = "FROM alpine\nMAINTAINER a\nMAINTAINER a\n";
    String after = "FROM alpine\nLABEL x=y\n\nMAINTAINER a\nMAINTAINER a\n";
    List<String> fp1 = new ArrayList<>();
    List<String> fp2 = new ArrayList<>();
    for (var pair : List.of(List.of(before, fp1), List.of(after, fp2))) {
      String text = (String) pair.get(0);
      StringWriter w = new StringWriter();
      new GitlabFormatter()
          .write(
              List.of(
                  FileResult.linted(
                      "Dockerfile",
                      text,
                      linter
                          .lint("Dockerfile", text, BuildOptions.defaults(), Optional.empty())
                          .diagnostics())),
              w);
      @SuppressWarnings("unchecked")
      List<String> into = (List<String>) pair.get(1);
      json.readTree(w.toString()).forEach(i -> into.add(i.get("fingerprint").asText()));
    }
    assertThat(fp1).hasSize(2).doesNotHaveDuplicates();
    assertThat(fp2).isEqualTo(fp1);
  }

  @Test
  void githubCommandsEscapeTheirValues() {
    assertThat(GithubFormatter.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
    assertThat(GithubFormatter.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
  }
}
