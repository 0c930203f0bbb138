package dev.dockerlint.lsp.features;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.engine.Report;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Related;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Every rule's findings as LSP diagnostics: code, a link to the rule's page, tags, related places
 * and the runtime error the finding predicts. Rules turned off in the settings do not run;
 * severities set in the settings replace the rule's.
 */
public final class DiagnosticsProvider
    implements Provider<Void, List<org.eclipse.lsp4j.Diagnostic>> {

  /** The {@code source} of every diagnostic. */
  public static final String SOURCE = "dockerlint";

  private final Linter linter;
  private final ImageMetadataSource images;

  public DiagnosticsProvider(Linter linter, ImageMetadataSource images) {
    this.linter = linter;
    this.images = images;
  }

  /** The document's report (computed once per document version) with settings applied. */
  public List<Diagnostic> findings(DocumentModel doc, ServerSettings settings) {
    Report r = doc.report(d -> lint(d, settings));
    List<Diagnostic> out = new ArrayList<>(r.diagnostics().size());
    for (Diagnostic d : r.diagnostics()) {
      out.add(settings.adjust(d));
    }
    return out;
  }

  private Report lint(DocumentModel doc, ServerSettings settings) {
    ImageMetadataSource source =
        settings.images().source() == ServerSettings.ImageSettings.Source.NONE
            ? ImageMetadataSource.none("image look-ups are turned off (dockerlint.images.source)")
            : images;
    return linter.lint(
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
    List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : findings(doc, settings)) {
      out.add(toLsp(doc.uri(), d));
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
