package dev.dockerlint.lsp.features;

import dev.dockerlint.context.BuildContext;
import dev.dockerlint.context.ContextEntry;
import dev.dockerlint.context.DockerIgnore;
import dev.dockerlint.context.EntryType;
import dev.dockerlint.context.SourceResolution;
import dev.dockerlint.filefacts.FileFacts;
import dev.dockerlint.image.ImageConfig;
import dev.dockerlint.image.ImageInfo;
import dev.dockerlint.image.ImageMetadataSource;
import dev.dockerlint.image.Lookup;
import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.lsp.settings.ServerSettings;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.semantic.Variable;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.CopyInstruction;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.Word;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Hover: on a diagnostic, the rule's documentation; on a variable, its value and where it is set;
 * on a FROM image, what the image source knows (digest, platforms, entrypoint, cmd, shell, user,
 * env); on a COPY/ADD source, the facts of the file in the build context (type, mode, shebang, ELF
 * architecture); on a flag or keyword, its documentation.
 *
 * <p>Image facts are read from the cache; a miss starts a background look-up and says so, so a
 * hover never waits for the network.
 */
public final class HoverProvider implements Provider<HoverParams, Hover> {
  private static final int MAX_MATCHES = 5;

  private final DiagnosticsProvider diagnostics;
  private final ImageMetadataSource images;
  private final ConcurrentMap<String, String> ruleDocs = new ConcurrentHashMap<>();

  public HoverProvider(DiagnosticsProvider diagnostics, ImageMetadataSource images) {
    this.diagnostics = diagnostics;
    this.images = images;
  }

  @Override
  public Hover provide(
      DocumentModel doc, HoverParams params, ServerSettings settings, CancelChecker cancel) {
    Position cursor = Lsp.position(doc.source(), params.getPosition());
    List<String> parts = new ArrayList<>();
    Range at = null;
    for (Diagnostic d : diagnostics.findingsAt(doc, settings, cursor)) {
      parts.add(ruleMarkdown(d));
      at = at == null ? d.range() : at;
    }
    cancel.checkCanceled();
    if (parts.isEmpty()) {
      Optional<Symbols.Occurrence> sym = Symbols.of(doc).at(cursor);
      if (sym.isPresent() && sym.get().kind() == Symbols.Kind.VARIABLE) {
        variable(doc, sym.get()).ifPresent(parts::add);
        at = sym.get().range();
      }
    }
    Optional<Instruction> ins = doc.file().instructionAt(cursor);
    if (parts.isEmpty() && ins.isPresent()) {
      Instruction i = ins.get();
      if (i.keyword().range().touches(cursor)) {
        parts.add(Docs.instructionMarkdown(i.kind()));
        at = i.keyword().range();
      }
      for (Flag f : i.flags()) {
        if (parts.isEmpty() && f.range().touches(cursor)) {
          Docs.flag(i.kind(), f.name())
              .ifPresent(
                  fd -> parts.add("```dockerfile\n" + fd.syntax() + "\n```\n\n" + fd.summary()));
          at = f.range();
        }
      }
      if (parts.isEmpty() && i instanceof FromInstruction from) {
        Optional<Word> img = from.image().filter(w -> w.range().touches(cursor));
        if (img.isPresent()) {
          image(doc, from, settings).ifPresent(parts::add);
          at = img.get().range();
        }
      }
      if (parts.isEmpty()) {
        for (Word w : sources(i)) {
          if (w.range().touches(cursor)) {
            copySource(doc, w, settings).ifPresent(parts::add);
            at = w.range();
          }
        }
      }
    }
    parts.removeIf(String::isEmpty);
    if (parts.isEmpty()) {
      return null;
    }
    Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
    if (at != null) {
      h.setRange(Lsp.range(at));
    }
    return h;
  }

  // ------------------------------------------------------------------ rules

  private String ruleMarkdown(Diagnostic d) {
    RuleMeta r = d.rule();
    StringBuilder sb = new StringBuilder();
    sb.append("**")
        .append(r.code())
        .append(' ')
        .append(r.name())
        .append("** (")
        .append(d.severity().id())
        .append(")\n\n")
        .append(d.message());
    d.predicts().ifPresent(p -> sb.append("\n\nAt run time: `").append(p.text()).append('`'));
    String doc = ruleDoc(r);
    if (!doc.isEmpty()) {
      sb.append("\n\n").append(doc);
    }
    sb.append("\n\n[").append(r.code()).append(" documentation](").append(r.docUrl()).append(')');
    return sb.toString();
  }

  /** The rule's page without its title line. */
  String ruleDoc(RuleMeta r) {
    return ruleDocs.computeIfAbsent(
        r.code(),
        code -> {
          try (InputStream in = RuleMeta.class.getResourceAsStream(r.docResource())) {
            if (in == null) {
              return r.summary();
            }
            String md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return md.startsWith("# ") && md.indexOf('\n') > 0
                ? md.substring(md.indexOf('\n') + 1).strip()
                : md.strip();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + r.docResource(), e);
          }
        });
  }

  // ------------------------------------------------------------------ variables

  private static Optional<String> variable(DocumentModel doc, Symbols.Occurrence o) {
    SemanticModel model = doc.model();
    Instruction i = o.instruction().orElse(null);
    if (i == null) {
      return Optional.empty();
    }
    boolean global = model.stageOf(i).isEmpty() || i instanceof FromInstruction;
    Optional<Variable> v;
    if (o.declaration()) {
      Optional<Stage> s = model.stageOf(i);
      Instruction next = nextInstruction(doc, i);
      v =
          global && !(i instanceof FromInstruction)
              ? model.globalScope().variable(o.name())
              : next != null && s.equals(model.stageOf(next))
                  ? model.scopeBefore(next).variable(o.name())
                  : s.map(st -> st.finalScope()).flatMap(sc -> sc.variable(o.name()));
    } else {
      v = (global ? model.globalScope() : model.scopeBefore(i)).variable(o.name());
    }
    StringBuilder sb = new StringBuilder();
    String kind = v.map(x -> x.kind().name()).orElse("undefined");
    sb.append("**")
        .append(kind.equals("AUTOMATIC") ? "ARG (automatic)" : kind)
        .append(' ')
        .append(o.name())
        .append("**");
    if (v.isPresent()) {
      sb.append(" = ")
          .append(
              v.get()
                  .value()
                  .map(x -> "`" + x + "`")
                  .orElse("_(no value: unset unless passed with --build-arg)_"));
      if (v.get().definedBy().isPresent()) {
        Instruction def = v.get().definedBy().get();
        sb.append("\n\nset on line ")
            .append(def.range().start().line() + 1)
            .append(": `")
            .append(firstLine(doc.source().slice(def.range())))
            .append('`');
      } else if (v.get().kind() == Variable.Kind.AUTOMATIC) {
        sb.append("\n\nset by BuildKit from the target or build platform");
      }
    } else if (!global) {
      sb.append("\n\nnot set in this stage");
      if (model.globalScope().variable(o.name()).flatMap(Variable::definedBy).isPresent()) {
        sb.append(": the global ARG is only visible after `ARG ")
            .append(o.name())
            .append("` in the stage");
      }
    }
    return Optional.of(sb.toString());
  }

  private static Instruction nextInstruction(DocumentModel doc, Instruction i) {
    List<Instruction> all = doc.file().instructions();
    int k = all.indexOf(i);
    return k >= 0 && k + 1 < all.size() ? all.get(k + 1) : null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl) + " ...").replace("`", "'");
  }

  // ------------------------------------------------------------------ images

  private Optional<String> image(DocumentModel doc, FromInstruction from, ServerSettings settings) {
    Optional<Stage> stage = doc.model().stageOf(from);
    if (stage.isEmpty()) {
      return Optional.empty();
    }
    Stage s = stage.get();
    StringBuilder sb = new StringBuilder();
    if (s.base() instanceof Base.StageBase b) {
      Stage parent = doc.model().stages().get(b.stageIndex());
      return Optional.of(
          "**stage "
              + parent.displayName()
              + "**, defined on line "
              + (parent.from().range().start().line() + 1));
    }
    if (s.base() instanceof Base.Scratch) {
      return Optional.of("**scratch**: an empty filesystem: no shell, no libc, no files");
    }
    if (!(s.base() instanceof Base.ImageBase img) || img.ref().isEmpty()) {
      return Optional.empty();
    }
    var ref = img.ref().get();
    sb.append("**").append(ref.familiar()).append("**  \n`").append(ref.canonical()).append('`');
    s.platform().ifPresent(p -> sb.append("\n\nplatform: `").append(p).append('`'));
    DocumentLinkProvider.page(ref)
        .ifPresent(u -> sb.append(" · [registry page](").append(u).append(')'));
    if (settings.images().source() == ServerSettings.ImageSettings.Source.NONE
        || s.platform().isEmpty()) {
      return Optional.of(sb.toString());
    }
    Lookup l = images.lookup(ref, s.platform().get(), false);
    if (l instanceof Lookup.Found f) {
      sb.append("\n\n").append(imageFacts(f.image()));
    } else if (l instanceof Lookup.NotFound nf) {
      sb.append("\n\nnot found: ").append(nf.reason());
    } else if (l instanceof Lookup.Unavailable u) {
      sb.append("\n\n_image facts: ").append(u.reason()).append("_");
    }
    return Optional.of(sb.toString());
  }

  static String imageFacts(ImageInfo info) {
    StringBuilder sb = new StringBuilder();
    info.digest().ifPresent(d -> sb.append("digest: `").append(d).append("`  \n"));
    sb.append("this manifest: `").append(info.platform()).append('`');
    if (!info.availablePlatforms().isEmpty()) {
      sb.append("  \nplatforms offered: ");
      List<String> ps = info.availablePlatforms().stream().map(p -> "`" + p + "`").toList();
      sb.append(String.join(", ", ps));
    }
    ImageConfig c = info.config();
    sb.append("\n\n| | |\n|---|---|\n");
    row(sb, "entrypoint", c.entrypoint().map(HoverProvider::json));
    row(sb, "cmd", c.cmd().map(HoverProvider::json));
    row(sb, "shell", c.shell().map(HoverProvider::json));
    row(sb, "user", c.user().filter(u -> !u.isEmpty()).or(() -> Optional.of("root (default)")));
    row(sb, "workdir", c.workingDir().filter(w -> !w.isEmpty()));
    for (Map.Entry<String, String> e : c.envMap().entrySet()) {
      row(sb, "env " + e.getKey(), Optional.of(e.getValue()));
    }
    return sb.toString().strip();
  }

  private static void row(StringBuilder sb, String key, Optional<String> value) {
    value.ifPresent(
        v ->
            sb.append("| ")
                .append(key)
                .append(" | `")
                .append(v.replace("|", "\\|"))
                .append("` |\n"));
  }

  private static String json(List<String> l) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < l.size(); i++) {
      sb.append(i > 0 ? ", " : "").append('"').append(l.get(i).replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }

  // ------------------------------------------------------------------ copy sources

  private static List<Word> sources(Instruction i) {
    if (i.flag("from").isPresent()) {
      return List.of();
    }
    if (i instanceof CopyInstruction c) {
      return c.sources();
    }
    if (i instanceof AddInstruction a) {
      return a.sources();
    }
    return List.of();
  }

  private static Optional<String> copySource(DocumentModel doc, Word w, ServerSettings settings) {
    Optional<Path> dir = DiagnosticsProvider.contextDir(doc, settings).filter(Files::isDirectory);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    DockerIgnore ignore = DockerIgnore.empty();
    Path ignoreFile = dir.get().resolve(".dockerignore");
    if (Files.isRegularFile(ignoreFile)) {
      try {
        ignore = DockerIgnore.read(ignoreFile);
      } catch (IOException e) {
        return Optional.of("cannot read `.dockerignore`: " + e.getMessage());
      }
    }
    String source =
        doc.model()
            .expand(
                w.value(),
                doc.model().scopeBefore(doc.file().instructionAt(w.range().start()).orElseThrow()))
            .orElse(w.value());
    SourceResolution res = BuildContext.of(dir.get(), ignore).resolve(source);
    StringBuilder sb = new StringBuilder();
    if (res.matches().isEmpty()) {
      sb.append("`").append(res.cleaned()).append("`: not in the build context");
      res.problems().forEach(p -> sb.append("  \n").append(p));
      return Optional.of(sb.toString());
    }
    int n = 0;
    for (ContextEntry e : res.matches()) {
      if (n++ == MAX_MATCHES) {
        sb.append("\n\n... and ").append(res.matches().size() - MAX_MATCHES).append(" more");
        break;
      }
      if (n > 1) {
        sb.append("\n\n");
      }
      sb.append("`")
          .append(e.path())
          .append("`: ")
          .append(e.type().name().toLowerCase(java.util.Locale.ROOT));
      if (e.type() != EntryType.SYMLINK) {
        sb.append(", mode `").append(String.format("%04o", e.mode() & 07777)).append('`');
      }
      if (e.type() == EntryType.FILE) {
        sb.append(", ").append(e.size()).append(" bytes");
        e.facts().ifPresent(f -> sb.append(fileFacts(f)));
      }
      e.linkTarget().ifPresent(t -> sb.append(" → `").append(t).append('`'));
    }
    return Optional.of(sb.toString());
  }

  static String fileFacts(FileFacts f) {
    StringBuilder sb = new StringBuilder();
    sb.append("  \nkind: ").append(f.kind().name().toLowerCase(java.util.Locale.ROOT));
    f.shebang()
        .ifPresent(
            s ->
                sb.append("  \nshebang: `")
                    .append(s.line().strip())
                    .append('`')
                    .append(
                        s.crlf()
                            ? " (ends in CRLF: the kernel looks for an interpreter with `\\r`)"
                            : ""));
    f.elf()
        .ifPresent(
            e -> {
              sb.append("  \nELF: ")
                  .append(e.platform().orElse(e.machineName()))
                  .append(", ")
                  .append(e.linkage().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
              e.interpreter().ifPresent(i -> sb.append(", loader `").append(i).append('`'));
            });
    if (f.utf8Bom()) {
      sb.append("  \nstarts with a UTF-8 byte order mark");
    }
    if (f.crlfLineEndings() && f.shebang().isEmpty()) {
      sb.append("  \nCRLF line endings");
    }
    return sb.toString();
  }
}
