package dev.dockerlint.lsp.features;

import dev.dockerlint.config.Config;
import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.lsp.document.AbandonedLint;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ProjectConfigs;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.LintMemo;
import dev.dockerlint.rules.Related;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Every rule's findings as LSP diagnostics: code, a link to the rule's page, tags, related places
 * and the runtime error the finding predicts. The project's {@code .dockerlint.yaml} applies as on
 * the command line (ignored rules, severities, label schema, trusted registries ...); then rules
 * turned off in the settings do not run and severities set in the settings replace the rule's.
 */
public final class DiagnosticsProvider
    implements Provider<Void, List<org.eclipse.lsp4j.Diagnostic>> {

  /** The {@code source} of every diagnostic. */
  public static final String SOURCE = "dockerlint";

  private final Linter linter;
  private final ImageMetadataSource images;
  private final ProjectConfigs configs;

  public DiagnosticsProvider(Linter linter, ImageMetadataSource images) {
    this(linter, images, ProjectConfigs.none());
  }

  /** Lints each document with the project configuration ({@code .dockerlint.yaml}) found for it. */
  public DiagnosticsProvider(Linter linter, ImageMetadataSource images, ProjectConfigs configs) {
    this.linter = linter;
    this.images = images;
    this.configs = configs;
  }

  /** The project configuration that applies to {@code doc}. */
  public Config config(DocumentModel doc) {
    return configs.forFile(doc.path());
  }

  /**
   * Whether the lint thread is about to lint a version (it is the newest of its document): then a
   * request that asks for its findings first waits for that lint rather than linting it itself.
   * Providers on their own (tests) lint every version where it is asked for.
   */
  private volatile Predicate<DocumentModel> lintComing = d -> false;

  /** How long a request waits for the lint thread to start on the version it asks about. */
  static final Duration WAIT_FOR_LINT = Duration.ofMillis(500);

  /**
   * Runs a lint that a request needs and the lint thread will not do: a version that is no longer
   * the newest, or one the lint thread did not start on within {@link #WAIT_FOR_LINT} (busy with
   * another document).
   */
  @FunctionalInterface
  public interface RequestLints {
    /**
     * The report {@code lint} computes for {@code doc}; {@link AbandonedLint.Abandoned} when it was
     * left running.
     */
    Report run(DocumentModel doc, Supplier<Report> lint);
  }

  /** At once, on the request's thread, unless the server says otherwise (see {@link #findings}). */
  private volatile RequestLints requestLints = (doc, lint) -> lint.get();

  /** Tells how requests run the lints they need themselves (see {@link #findings}). */
  public void requestLints(RequestLints lints) {
    this.requestLints = lints;
  }

  /** Tells which versions the lint thread is about to lint (see {@link #findings}). */
  public void lintComing(Predicate<DocumentModel> coming) {
    this.lintComing = coming;
  }

  /**
   * The document's report (computed once per document version) with settings applied. A request
   * that asks before the lint thread got to the version waits for it, up to {@link #WAIT_FOR_LINT},
   * instead of linting it itself; one that lints it after all does so through {@link
   * #requestLints}, which the language server watches as it watches the lint thread: a lint that
   * never ended on a request's own thread kept that thread and its answer for good.
   */
  public List<Diagnostic> findings(DocumentModel doc, ServerSettings settings) {
    return findings(doc, settings, d -> true, false);
  }

  /**
   * The findings whose range touches {@code p}, as {@link #findings(DocumentModel, ServerSettings)}
   * has them: a hover asks, and needs only those adjusted to the settings.
   */
  public List<Diagnostic> findingsAt(DocumentModel doc, ServerSettings settings, Position p) {
    return findings(doc, settings, d -> d.range().touches(p), false);
  }

  private List<Diagnostic> findings(
      DocumentModel doc, ServerSettings settings, Predicate<Diagnostic> which, boolean linter) {
    Report r;
    try {
      if (doc.handedOn(AbandonedLint.class).filter(AbandonedLint::running).isPresent()) {
        // linting it again would only leave another thread running
        throw new AbandonedLint.Abandoned();
      }
      r =
          linter
              ? doc.report(d -> lint(d, settings))
              : doc.reportLintedElsewhere(
                  d -> requestLints.run(d, () -> lint(d, settings)),
                  () -> lintComing.test(doc),
                  WAIT_FOR_LINT);
    } catch (AbandonedLint.Abandoned e) {
      // or waited for the lint that was then left running
      return doc.handedOn(AbandonedLint.class)
          .map(DiagnosticsProvider::abandonedDiagnostic)
          .filter(which)
          .map(d -> List.of(settings.adjust(d)))
          .orElse(List.of());
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      if (which.test(d)) {
        out.add(settings.adjust(d));
      }
    }
    return out;
  }

  /** What a document shows while a lint of it left running has not ended. */
  static Diagnostic abandonedDiagnostic(AbandonedLint a) {
    Position top = new Position(0, 0);
    return Diagnostic.of(
        RuleRegistry.INTERNAL_ERROR,
        Finding.of(
            new Range(top, top),
            "internal error: linting version "
                + a.version()
                + " of this file took longer than "
                + a.limit().toSeconds()
                + " s and was left running; this file's diagnostics come back when it ends"
                + " (other files are still linted). Please report it with the file."));
  }

  private Report lint(DocumentModel doc, ServerSettings settings) {
    ImageMetadataSource source =
        settings.images().source() == ServerSettings.ImageSettings.Source.NONE
            ? ImageMetadataSource.none("image look-ups are turned off (dockerlint.images.source)")
            : images;
    return linter
        .withConfig(config(doc))
        .lint(
            doc.displayPath(),
            doc.model(),
            contextDir(doc, settings),
            source,
            settings::enabled,
            doc.memo());
  }

  /** The build context: the {@code context} setting, else the Dockerfile's folder. */
  public static Optional<Path> contextDir(DocumentModel doc, ServerSettings settings) {
    Optional<Path> folder = doc.path().map(Path::getParent);
    if (settings.context().isPresent()) {
      Path c = settings.context().get();
      return Optional.of(c.isAbsolute() ? c : folder.map(f -> f.resolve(c)).orElse(c));
    }
    return folder;
  }

  @Override
  public List<org.eclipse.lsp4j.Diagnostic> provide(
      DocumentModel doc, Void params, ServerSettings settings, CancelChecker cancel) {
    List<Diagnostic> all = findings(doc, settings, d -> true, true);
    List<Diagnostic> shown = mostSevere(all, MAX_PUBLISHED);
    List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>(shown.size() + 1);
    for (Diagnostic d : shown) {
      // a finding the last lint kept (in a stage the edit did not reach) is the same object: so is
      // its LSP diagnostic, whose JSON is then written once (see DiagnosticJson)
      out.add(
          doc.memo()
              .get(
                  LintMemo.keyOf(org.eclipse.lsp4j.Diagnostic.class, d),
                  org.eclipse.lsp4j.Diagnostic.class,
                  () -> toLsp(doc.uri(), d)));
    }
    if (shown.size() < all.size()) {
      org.eclipse.lsp4j.Diagnostic more =
          new org.eclipse.lsp4j.Diagnostic(
              new org.eclipse.lsp4j.Range(
                  new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)),
              (all.size() - shown.size())
                  + " more problems are not shown: the editor gets the "
                  + MAX_PUBLISHED
                  + " most severe of "
                  + all.size()
                  + " (run dockerlint on the file for all of them)",
              DiagnosticSeverity.Information,
              SOURCE);
      out.add(more);
    }
    return out;
  }

  /**
   * The most diagnostics published for one document. Beyond it an editor slows down without showing
   * anything more useful; the rest are counted in one extra diagnostic.
   */
  public static final int MAX_PUBLISHED = 1000;

  /** The {@code max} most severe of {@code all} (in their order), or all of them. */
  static List<Diagnostic> mostSevere(List<Diagnostic> all, int max) {
    if (all.size() <= max) {
      return all;
    }
    int[] bySeverity = new int[Severity.values().length];
    for (Diagnostic d : all) {
      bySeverity[d.severity().ordinal()]++;
    }
    // The least severe level that still fits, and how many of that level fit.
    int left = max;
    int cut = 0;
    while (cut < bySeverity.length && bySeverity[cut] <= left) {
      left -= bySeverity[cut];
      cut++;
    }
    List<Diagnostic> out = new ArrayList<>(max);
    for (Diagnostic d : all) {
      int level = d.severity().ordinal();
      if (level < cut) {
        out.add(d);
      } else if (level == cut && left > 0) {
        out.add(d);
        left--;
      }
    }
    return out;
  }

  /** One finding as an LSP diagnostic. */
  public static org.eclipse.lsp4j.Diagnostic toLsp(String uri, Diagnostic d) {
    String message =
        d.predicts()
            .map(p -> d.message() + " (the container will fail with: " + p.text() + ")")
            .orElse(d.message());
    org.eclipse.lsp4j.Diagnostic x =
        new org.eclipse.lsp4j.Diagnostic(
            Lsp.range(d.range()), message, severity(d.severity()), SOURCE, d.rule().code());
    x.setCodeDescription(new DiagnosticCodeDescription(d.rule().docUrl()));
    List<DiagnosticTag> tags = tags(d.rule());
    if (!tags.isEmpty()) {
      x.setTags(tags);
    }
    if (!d.related().isEmpty()) {
      List<DiagnosticRelatedInformation> rel = new ArrayList<>();
      for (Related r : d.related()) {
        rel.add(
            new DiagnosticRelatedInformation(new Location(uri, Lsp.range(r.range())), r.message()));
      }
      x.setRelatedInformation(rel);
    }
    return x;
  }

  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
      case STYLE -> DiagnosticSeverity.Hint;
    };
  }

  /**
   * Deprecated for rules about deprecated instructions; Unnecessary (shown faded) for rules about
   * code that does nothing. Read from the rule's name, which names the bad pattern.
   */
  static List<DiagnosticTag> tags(RuleMeta rule) {
    String n = rule.name();
    List<DiagnosticTag> tags = new ArrayList<>();
    if (n.contains("deprecated")) {
      tags.add(DiagnosticTag.Deprecated);
    }
    if (n.contains("unused")
        || n.contains("unnecessary")
        || n.contains("redundant")
        || n.contains("useless")
        || n.contains("unreachable")) {
      tags.add(DiagnosticTag.Unnecessary);
    }
    return tags;
  }
}
