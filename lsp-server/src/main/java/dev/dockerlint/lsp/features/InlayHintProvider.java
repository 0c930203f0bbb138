package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.semantic.Variable;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Shows what the build will see: the value of each ARG/ENV use ({@code $VERSION = 1.2}) and, at the
 * end of each FROM, the platform the stage is built for.
 */
public final class InlayHintProvider implements Provider<InlayHintParams, List<InlayHint>> {
  static final int MAX_VALUE = 40;

  @Override
  public List<InlayHint> provide(
      DocumentModel doc, InlayHintParams params, ServerSettings settings, CancelChecker cancel) {
    if (!settings.inlayHints()) {
      return List.of();
    }
    Range wanted =
        params.getRange() == null
            ? doc.source().range(0, doc.text().length())
            : Lsp.range(doc.source(), params.getRange());
    SemanticModel model = doc.model();
    List<InlayHint> out = new ArrayList<>();
    for (Symbols.Occurrence o : Symbols.of(doc).all()) {
      if (o.kind() != Symbols.Kind.VARIABLE
          || o.declaration()
          || o.instruction().isEmpty()
          || !wanted.touches(o.range().start())) {
        continue;
      }
      value(model, o.instruction().get(), o.name())
          .ifPresent(
              v -> {
                int end = usageEnd(doc.source(), o.range());
                InlayHint h =
                    new InlayHint(
                        Lsp.position(doc.source().position(end)),
                        Either.forLeft("= " + shorten(v)));
                h.setKind(InlayHintKind.Parameter);
                h.setPaddingLeft(true);
                out.add(h);
              });
    }
    for (Stage s : model.stages()) {
      FromInstruction from = s.from();
      if (!wanted.touches(from.range().start()) || s.platform().isEmpty()) {
        continue;
      }
      InlayHint h =
          new InlayHint(
              Lsp.position(from.range().end()), Either.forLeft(s.platform().get().toString()));
      h.setKind(InlayHintKind.Type);
      h.setPaddingLeft(true);
      h.setTooltip(
          switch (s.platformSource()) {
            case FLAG -> "built for the platform its --platform flag names";
            case INHERITED -> "built for the platform of the stage it is based on";
            case TARGET ->
                "built for the target platform (dockerlint.platform, else this machine's)";
          });
      out.add(h);
    }
    return out;
  }

  static Optional<String> value(SemanticModel model, Instruction i, String name) {
    boolean global = model.stageOf(i).isEmpty() || i instanceof FromInstruction;
    return (global ? model.globalScope() : model.scopeBefore(i))
        .variable(name)
        .flatMap(Variable::value);
  }

  /** After {@code }}} for {@code ${NAME}} and {@code ${NAME:-x}}, else after the name. */
  static int usageEnd(SourceText src, Range name) {
    String text = src.text();
    int start = src.startOffset(name);
    int end = src.endOffset(name);
    if (start >= 2 && text.charAt(start - 1) == '{') {
      int close = text.indexOf('}', end);
      int newline = text.indexOf('\n', end);
      if (close >= 0 && (newline < 0 || close < newline)) {
        return close + 1;
      }
    }
    return end;
  }

  static String shorten(String v) {
    String one = v.replace("\n", "\\n");
    return one.length() > MAX_VALUE ? one.substring(0, MAX_VALUE - 1) + "…" : one;
  }
}
