package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.RuleRef;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.OfflineSource;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.DockerfileReader;
import dev.dockerlint.syntax.Instruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one rule over fixture Dockerfiles in {@code src/test/resources/rules/<CODE>/}. In a fixture,
 * {@code # expect: CODE ["message part"] [predicts="..."] [severity=...]} marks the next
 * instruction: the rule must report there (or on a comment line between the marker and it), with
 * that text. Any unmarked diagnostic of the rule fails the test, so a fixture without markers is a
 * negative case.
 *
 * <p>Build settings come from {@code # test:} lines: {@code platform=linux/arm64}, {@code
 * build-platform=linux/amd64}, {@code build-arg=K=V}, {@code context=DIR} (relative to the
 * fixture's folder), {@code images=FILE.json}: facts about base images for an {@link
 * dev.dockerlint.image.OfflineSource} (relative to the fixture's folder; without it, no image
 * source), {@code trusted-registry=R}, {@code label=NAME:TYPE}, {@code strict-labels=true}.
 *
 * <p>Fix pairs: {@code x.before.Dockerfile} and {@code x.after.Dockerfile}. Applying the rule's
 * safe fixes to "before" gives "after"; applying them again changes nothing; the rule no longer
 * reports the fixed findings.
 */
public final class RuleTester {
  private static final Pattern EXPECT =
      Pattern.compile(
          "^expect:\\s+(\\S+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?((?:\\s+\\w+=(?:\"[^\"]*\"|\\S+))*)\\s*$");
  private static final Pattern ATTR = Pattern.compile("([\\w-]+)=(\"[^\"]*\"|\\S+)");

  private final Rule rule;
  private final RuleMeta meta;

  private RuleTester(Rule rule) {
    this.rule = rule;
    this.meta = rule.meta();
  }

  public static RuleTester of(Rule rule) {
    return new RuleTester(rule);
  }

  public static RuleTester of(Class<? extends Rule> ruleClass) {
    try {
      return new RuleTester(ruleClass.getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture folder of this rule. */
  public Path folder() {
    URL url = RuleTester.class.getResource("/rules/" + meta.code());
    if (url == null) {
      throw new AssertionError("no fixture folder src/test/resources/rules/" + meta.code());
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code *.Dockerfile} fixture except fix pairs' after files. */
  public List<Path> fixtures() {
    try (Stream<Path> s = Files.list(folder())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".Dockerfile"))
          .filter(p -> !p.getFileName().toString().endsWith(".after.Dockerfile"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An expected diagnostic: rule code, message part, attributes, the lines it must start in. */
  record Expectation(
      String code,
      String message,
      Map<String, String> attrs,
      int firstLine,
      int lastLine,
      int markerLine) {}

  /** Lints one fixture and compares with its markers; returns the report. */
  public Report check(Path fixture) {
    String text = read(fixture);
    Dockerfile parsed = DockerfileReader.parse(text);
    List<Expectation> expected = expectations(parsed, fixture);
    Report report = lint(fixture, text);
    List<Diagnostic> mine =
        report.diagnostics().stream().filter(d -> d.rule().code().equals(meta.code())).toList();
    List<Diagnostic> unmatched = new ArrayList<>(mine);
    List<String> failures = new ArrayList<>();
    for (Expectation e : expected) {
      Optional<Diagnostic> hit =
          unmatched.stream()
              .filter(
                  d ->
                      d.range().start().line() >= e.firstLine()
                          && d.range().start().line() <= e.lastLine())
              .filter(d -> d.message().contains(e.message()))
              .filter(d -> attributesMatch(d, e.attrs()))
              .findFirst();
      if (hit.isPresent()) {
        unmatched.remove(hit.get());
      } else {
        failures.add(
            "line "
                + (e.markerLine() + 1)
                + ": expected "
                + e.code()
                + " \""
                + e.message()
                + "\" "
                + e.attrs()
                + " on lines "
                + (e.firstLine() + 1)
                + "-"
                + (e.lastLine() + 1)
                + "; got "
                + describe(mine));
      }
    }
    for (Diagnostic d : unmatched) {
      failures.add("unexpected " + describe(List.of(d)));
    }
    for (Diagnostic d : report.diagnostics()) {
      if (d.rule().code().equals(RuleRegistry.INTERNAL_ERROR.code())) {
        failures.add("internal error: " + d.message());
      }
    }
    if (!failures.isEmpty()) {
      fail(fixture.getFileName() + ":\n  " + String.join("\n  ", failures));
    }
    return report;
  }

  /** Checks every fixture of the rule; at least one must expect a finding. */
  public void checkAll() {
    List<Path> all = fixtures();
    assertThat(all).as("fixtures of " + meta.code()).isNotEmpty();
    boolean positive = false;
    for (Path p : all) {
      positive |= read(p).contains("# expect: " + meta.code());
      check(p);
    }
    assertThat(positive).as(meta.code() + " has a fixture with an expected finding").isTrue();
    for (Path p : all) {
      String name = p.getFileName().toString();
      if (name.endsWith(".before.Dockerfile")) {
        checkFix(p, p.resolveSibling(name.replace(".before.", ".after.")));
      }
    }
  }

  /** Applies the rule's safe fixes to {@code before} and compares with {@code after}. */
  public void checkFix(Path before, Path after) {
    String text = read(before);
    String fixed = applySafeFixes(before, text);
    assertThat(fixed).as("fixes of " + before.getFileName()).isEqualTo(read(after));
    assertThat(applySafeFixes(before, fixed)).as("fixes are idempotent").isEqualTo(fixed);
  }

  private String applySafeFixes(Path fixture, String text) {
    Report r = lint(fixture, text);
    List<Fix> fixes = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      if (d.rule().code().equals(meta.code())) {
        d.fixes().stream()
            .filter(f -> f.applicability() == Applicability.SAFE)
            .findFirst()
            .ifPresent(fixes::add);
      }
    }
    fixes.sort(
        (a, b) -> b.edits().get(0).range().start().compareTo(a.edits().get(0).range().start()));
    String out = text;
    for (Fix f : fixes) {
      out = f.applyTo(out);
    }
    return out;
  }

  private Report lint(Path fixture, String text) {
    Dockerfile parsed = DockerfileReader.parse(text);
    Map<String, String> settings = settings(parsed);
    BuildOptions o = BuildOptions.defaults();
    Platform target =
        Platform.parse(settings.getOrDefault("platform", "linux/amd64")).orElseThrow();
    Platform build =
        Platform.parse(settings.getOrDefault("build-platform", "linux/amd64")).orElseThrow();
    Map<String, String> args = new LinkedHashMap<>();
    for (String kv : settings.getOrDefault("build-arg", "").split(";")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        args.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    o = new BuildOptions(target, build, args, Optional.empty());
    Optional<Path> context =
        Optional.ofNullable(settings.get("context")).map(c -> fixture.getParent().resolve(c));
    ImageMetadataSource images =
        settings.containsKey("images")
            ? OfflineSource.fromFile(fixture.getParent().resolve(settings.get("images")))
            : ImageMetadataSource.none("no image facts in this fixture");
    Linter linter = new Linter(new RuleRegistry(List.of(rule)), config(settings));
    return linter.lint(fixture.getFileName().toString(), text, o, context, images);
  }

  /**
   * The configuration a fixture asks for: {@code trusted-registry=R} and {@code label=NAME:TYPE}
   * (repeatable), {@code strict-labels=true}. The rule under test is always on, also when it is off
   * by default.
   */
  private Config config(Map<String, String> settings) {
    Config.Builder b = Config.builder().enable(new RuleRef(meta.code(), 0));
    for (String r : settings.getOrDefault("trusted-registry", "").split(";")) {
      if (!r.isEmpty()) {
        b.trustedRegistry(r);
      }
    }
    for (String l : settings.getOrDefault("label", "").split(";")) {
      int colon = l.lastIndexOf(':');
      if (colon > 0) {
        b.label(l.substring(0, colon), l.substring(colon + 1));
      }
    }
    b.strictLabels(Boolean.parseBoolean(settings.getOrDefault("strict-labels", "false")));
    return b.build();
  }

  private static Map<String, String> settings(Dockerfile f) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Comment c : f.comments()) {
      if (c.text().startsWith("test:")) {
        Matcher m = ATTR.matcher(c.text().substring(5));
        while (m.find()) {
          String v = unquote(m.group(2));
          out.merge(m.group(1), v, (a, b) -> a + ";" + b);
        }
      }
    }
    return out;
  }

  private List<Expectation> expectations(Dockerfile f, Path fixture) {
    List<Expectation> out = new ArrayList<>();
    for (Comment c : f.comments()) {
      if (!c.text().startsWith("expect:")) {
        continue;
      }
      Matcher m = EXPECT.matcher(c.text());
      if (!m.matches()) {
        throw new AssertionError(fixture.getFileName() + ": malformed marker: # " + c.text());
      }
      if (!m.group(1).equals(meta.code())) {
        continue;
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      Matcher a = ATTR.matcher(m.group(3) == null ? "" : m.group(3));
      while (a.find()) {
        attrs.put(a.group(1), unquote(a.group(2)));
      }
      int markerLine = c.range().start().line();
      Instruction next = null;
      for (Instruction i : f.instructions()) {
        if (i.header().firstLine() > markerLine) {
          next = i;
          break;
        }
      }
      if (next == null) {
        throw new AssertionError(
            fixture.getFileName()
                + ": marker on line "
                + (markerLine + 1)
                + " has no instruction after it");
      }
      String message = m.group(2) == null ? "" : m.group(2).replace("\\\"", "\"");
      out.add(
          new Expectation(
              m.group(1), message, attrs, markerLine + 1, next.header().lastLine(), markerLine));
    }
    return out;
  }

  private static boolean attributesMatch(Diagnostic d, Map<String, String> attrs) {
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      switch (e.getKey()) {
        case "predicts" -> {
          if (!d.predicts().map(Predicts::text).orElse("null").equals(e.getValue())) {
            return false;
          }
        }
        case "severity" -> {
          if (!d.severity().id().equals(e.getValue())) {
            return false;
          }
        }
        case "fix" -> {
          if (d.fixes().stream().noneMatch(f -> f.title().contains(e.getValue()))) {
            return false;
          }
        }
        default -> throw new AssertionError("unknown marker attribute " + e.getKey());
      }
    }
    return true;
  }

  private static String describe(List<Diagnostic> ds) {
    if (ds.isEmpty()) {
      return "nothing";
    }
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : ds) {
      sb.append("[")
          .append(d.range())
          .append(" ")
          .append(d.rule().code())
          .append(" ")
          .append(d.severity().id())
          .append(" \"")
          .append(d.message())
          .append("\"")
          .append(d.predicts().map(p -> " predicts=\"" + p.text() + "\"").orElse(""))
          .append("] ");
    }
    return sb.toString().trim();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }

  private static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
