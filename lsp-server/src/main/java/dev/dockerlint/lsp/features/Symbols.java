package dev.dockerlint.lsp.features;

import dev.dockerlint.lsp.document.DocumentModel;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.semantic.Variable;
import dev.dockerlint.syntax.ArgDeclaration;
import dev.dockerlint.syntax.ArgInstruction;
import dev.dockerlint.syntax.EnvInstruction;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.KeyValue;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Where each stage name and each ARG/ENV variable is declared and used, grouped so that every
 * occurrence of one symbol shares a group: the index behind definition, references, rename and
 * highlight.
 *
 * <p>Scopes follow BuildKit: a global ARG is seen by FROM lines and by a stage that re-declares it
 * without a default (so that re-declaration joins the global's group); inside a stage, a variable
 * is the nearest earlier ARG/ENV of that name in the stage or, for a stage built on another, in
 * that stage's ENV. Stage names are used by {@code FROM name}, by {@code --from=name} wherever the
 * flag stands among the others, and by {@code RUN --mount=...,from=name}.
 */
public final class Symbols {

  /** What a symbol is. */
  public enum Kind {
    STAGE,
    VARIABLE
  }

  /**
   * One occurrence. {@code group} identifies the symbol; {@code target} is where "go to definition"
   * leads (for a declaration that re-declares a global ARG: the global).
   */
  public record Occurrence(
      Kind kind,
      String name,
      Range range,
      boolean declaration,
      String group,
      Optional<Range> target,
      Optional<Instruction> instruction) {}

  private final List<Occurrence> occurrences;

  /**
   * {@code reach[k]}: the furthest end of the occurrences up to {@code k}; a stage name may hold a
   * variable ({@code AS app-${V}}), so an occurrence may end after the next one.
   */
  private final Position[] reach;

  private Symbols(List<Occurrence> occurrences) {
    this.occurrences = List.copyOf(occurrences);
    this.reach = new Position[this.occurrences.size()];
    Position far = null;
    for (int k = 0; k < reach.length; k++) {
      Position end = this.occurrences.get(k).range().end();
      far = far == null || end.compareTo(far) > 0 ? end : far;
      reach[k] = far;
    }
  }

  /**
   * The index of a document version (built once per version). The occurrences in a stage that an
   * edit left as it was (the semantic model took the very {@link Stage} object over, so its base
   * and {@code --from} name the same stages) are those an earlier version's index found, when the
   * global ARGs are the same too: a keystroke's index scans only the stages it reached.
   */
  public static Symbols of(DocumentModel doc) {
    return doc.derived(
        Symbols.class,
        d -> {
          Builder b = new Builder(d.model(), d.handedOn(StageOccurrences.class));
          Symbols built = b.build();
          d.handOn(b.handOn());
          return built;
        });
  }

  /**
   * Whether a version of the document built an index yet, whose stages later versions can take over
   * (see {@link #of}).
   */
  public static boolean builtFor(DocumentModel doc) {
    return doc.handedOn(StageOccurrences.class).isPresent();
  }

  /** The symbol index of {@code model}, built from nothing (tests compare against it). */
  static Symbols build(SemanticModel model) {
    return new Builder(model, Optional.empty()).build();
  }

  /**
   * The occurrences in one stage's instructions (its FROM included), in source order, as one index
   * found them, and the variables those instructions declare (by instruction, then name).
   */
  private record Chunk(
      List<Occurrence> occurrences, Map<Instruction, Map<String, Occurrence>> declared) {}

  /** The chunk of each stage one index found, with the global ARGs it resolved them against. */
  private record StageOccurrences(List<Instruction> globals, Map<Stage, Chunk> byStage) {

    /** Whether chunks found with {@code globals} hold for a model with {@code globalsNow}. */
    boolean holdFor(List<Instruction> globalsNow) {
      if (globals.size() != globalsNow.size()) {
        return false;
      }
      for (int k = 0; k < globals.size(); k++) {
        if (globals.get(k) != globalsNow.get(k)) {
          return false;
        }
      }
      return true;
    }
  }

  public List<Occurrence> all() {
    return occurrences;
  }

  /** The occurrence under the cursor (touching its start or end). */
  public Optional<Occurrence> at(Position cursor) {
    // The occurrences are in source order. Those that touch the cursor start at or before it (up
    // to index `starts`) and end at or after it, so none before the first whose reach gets there:
    // two binary searches, then the few in between.
    int starts = firstIndex(k -> occurrences.get(k).range().start().compareTo(cursor) > 0);
    for (int k = firstIndex(j -> reach[j].compareTo(cursor) >= 0); k < starts; k++) {
      if (occurrences.get(k).range().touches(cursor)) {
        return Optional.of(occurrences.get(k));
      }
    }
    return Optional.empty();
  }

  /** The first index where {@code holds} (false before it, true from it on), or the size. */
  private int firstIndex(IntPredicate holds) {
    int lo = 0;
    int hi = occurrences.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (holds.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Every occurrence of the symbol of {@code o}, in source order. */
  public List<Occurrence> group(Occurrence o) {
    return occurrences.stream().filter(x -> x.group().equals(o.group())).toList();
  }

  /** Whether the symbol has a declaration in the file (automatic ARGs have none). */
  public boolean declared(Occurrence o) {
    return group(o).stream().anyMatch(Occurrence::declaration);
  }

  // -------------------------------------------------------------------- building

  private static final class Builder {
    final SemanticModel model;
    final SourceText src;
    final int escape;
    final List<Instruction> globals;
    final Optional<StageOccurrences> earlier;
    final List<Occurrence> out = new ArrayList<>();

    /** Group of a variable declared by an instruction, keyed by instruction then name. */
    final Map<Instruction, Map<String, Occurrence>> declared = new IdentityHashMap<>();

    /** The chunk of each stage, found now or taken over from {@code earlier}. */
    final Map<Stage, Chunk> byStage = new IdentityHashMap<>();

    /** The declarations of the stage being scanned (null for the global ARGs). */
    Map<Instruction, Map<String, Occurrence>> chunkDeclared;

    Builder(SemanticModel model, Optional<StageOccurrences> earlier) {
      this.model = model;
      this.src = model.file().source();
      this.escape = model.file().escapeCharacter();
      this.globals = model.globalArgs();
      this.earlier = earlier;
    }

    /**
     * The instructions before the first FROM, then each stage: taken over from {@code earlier} when
     * it found the very same stage with the same global ARGs, else scanned. The chunks follow one
     * another in the file, so the whole index is in source order without sorting it.
     */
    Symbols build() {
      List<Instruction> all = model.file().instructions();
      for (int k = 0; k < all.size() && model.stageOf(all.get(k)).isEmpty(); k++) {
        variables(all.get(k));
      }
      sortFrom(0);
      Map<Stage, Chunk> kept = new IdentityHashMap<>();
      if (earlier.isPresent() && earlier.get().holdFor(globals)) {
        for (Stage s : model.stages()) {
          Chunk c = earlier.get().byStage().get(s);
          if (c != null) {
            kept.put(s, c);
          }
        }
      }
      Map<Stage, List<Occurrence>> names = stageNames(kept);
      for (Stage s : model.stages()) {
        Chunk c = kept.get(s);
        if (c == null) {
          int start = out.size();
          chunkDeclared = new IdentityHashMap<>();
          out.addAll(names.getOrDefault(s, List.of()));
          variables(s.from());
          for (Instruction i : s.instructions()) {
            variables(i);
          }
          c = new Chunk(List.copyOf(sortFrom(start)), chunkDeclared);
        } else {
          out.addAll(c.occurrences());
          declared.putAll(c.declared());
        }
        byStage.put(s, c);
      }
      return new Symbols(out);
    }

    /** Sorts the occurrences from {@code start} on into source order, and returns them. */
    private List<Occurrence> sortFrom(int start) {
      List<Occurrence> found = out.subList(start, out.size());
      found.sort(Comparator.comparing(o -> o.range().start()));
      return found;
    }

    /** What to hand on to the next version's index. */
    StageOccurrences handOn() {
      return new StageOccurrences(globals, byStage);
    }

    /**
     * The stage names declared and used in each stage's instructions: its own name, a FROM naming
     * an earlier stage, {@code --from} and {@code RUN --mount=...,from=}.
     */
    private Map<Stage, List<Occurrence>> stageNames(Map<Stage, Chunk> kept) {
      Map<Stage, List<Occurrence>> names = new IdentityHashMap<>();
      Map<Integer, Occurrence> decl = new HashMap<>();
      for (Stage s : model.stages()) {
        if (s.nameWord().isPresent()) {
          Word w = s.nameWord().get();
          Occurrence o =
              new Occurrence(
                  Kind.STAGE,
                  w.value(),
                  w.range(),
                  true,
                  "stage:" + s.index(),
                  Optional.of(w.range()),
                  Optional.of(s.from()));
          decl.put(s.index(), o);
          if (!kept.containsKey(s)) {
            in(names, s).add(o);
          }
        }
      }
      for (Stage s : model.stages()) {
        if (!kept.containsKey(s)
            && s.base() instanceof Base.StageBase b
            && s.from().image().isPresent()) {
          Word img = s.from().image().get();
          reference(in(names, s), decl.get(b.stageIndex()), img.value(), img.range(), s.from());
        }
      }
      for (SemanticModel.StageReference r : model.stageReferences()) {
        Optional<Stage> user = model.stageOf(r.instruction());
        if (r.stage().isEmpty() || user.isEmpty() || kept.containsKey(user.get())) {
          continue;
        }
        List<Occurrence> into = in(names, user.get());
        Occurrence d = decl.get(r.stage().get().index());
        Flag f = r.flag();
        if (f.name().equals("from") && f.valueRange().isPresent()) {
          reference(
              into, d, src.slice(f.valueRange().get()), f.valueRange().get(), r.instruction());
        } else if (f.name().equals("mount") && f.valueRange().isPresent()) {
          Range vr = f.valueRange().get();
          String text = src.slice(vr);
          int at = 0;
          for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("from")) {
              int start = src.startOffset(vr) + at + eq + 1;
              String v = part.substring(eq + 1);
              reference(into, d, v, src.range(start, start + v.length()), r.instruction());
            }
            at += part.length() + 1;
          }
        }
      }
      return names;
    }

    private static List<Occurrence> in(Map<Stage, List<Occurrence>> names, Stage s) {
      return names.computeIfAbsent(s, k -> new ArrayList<>());
    }

    private static void reference(
        List<Occurrence> into, Occurrence decl, String text, Range range, Instruction i) {
      if (decl == null
          || !text.toLowerCase(Locale.ROOT).equals(decl.name().toLowerCase(Locale.ROOT))) {
        return;
      }
      into.add(
          new Occurrence(
              Kind.STAGE, text, range, false, decl.group(), decl.target(), Optional.of(i)));
    }

    private void variables(Instruction i) {
      Optional<Stage> stage = model.stageOf(i);
      boolean global = stage.isEmpty() || i instanceof FromInstruction;
      int scanFrom = src.endOffset(i.keyword().range());
      int scanTo = src.endOffset(i.range());
      if (i instanceof ArgInstruction a) {
        for (ArgDeclaration d : a.declarations()) {
          declareArg(i, d, global, stage);
        }
      } else if (i instanceof EnvInstruction e && stage.isPresent()) {
        for (KeyValue kv : e.pairs()) {
          declareEnv(i, kv, stage.get());
        }
      }
      scan(i, scanFrom, scanTo, global, stage);
    }

    private void declareArg(
        Instruction i, ArgDeclaration d, boolean global, Optional<Stage> stage) {
      String name = d.name();
      String group;
      Optional<Range> target = Optional.of(d.nameRange());
      if (global) {
        group = "g:" + name;
        Optional<Occurrence> earlier = visibleGlobal(name, i);
        if (earlier.isPresent()) {
          group = earlier.get().group();
        }
      } else {
        Optional<Occurrence> visible = visible(name, i);
        Optional<Occurrence> g =
            d.defaultValue().isEmpty() ? visibleGlobal(name, null) : Optional.empty();
        if (visible.isPresent()) {
          group = visible.get().group();
        } else if (g.isPresent()) {
          group = g.get().group();
          target = Optional.of(g.get().range());
        } else {
          group = "s" + stage.get().index() + ":" + name;
        }
      }
      add(
          i,
          name,
          new Occurrence(Kind.VARIABLE, name, d.nameRange(), true, group, target, Optional.of(i)));
    }

    private void declareEnv(Instruction i, KeyValue kv, Stage stage) {
      String name = kv.key().value();
      Optional<Occurrence> visible = visible(name, i);
      String group = visible.map(Occurrence::group).orElse("s" + stage.index() + ":" + name);
      Range r = kv.key().range();
      add(
          i,
          name,
          new Occurrence(Kind.VARIABLE, name, r, true, group, Optional.of(r), Optional.of(i)));
    }

    private void add(Instruction i, String name, Occurrence o) {
      Map<String, Occurrence> m = declared.computeIfAbsent(i, k -> new HashMap<>());
      m.putIfAbsent(name, o);
      if (chunkDeclared != null) {
        chunkDeclared.put(i, m);
      }
      out.add(o);
    }

    /** The declaration a stage instruction sees for {@code name}, from the model's scope. */
    private Optional<Occurrence> visible(String name, Instruction i) {
      Optional<Variable> v = model.scopeBefore(i).variable(name);
      return v.flatMap(Variable::definedBy)
          .flatMap(def -> Optional.ofNullable(declared.get(def)).map(m -> m.get(name)));
    }

    /** The last global ARG declaring {@code name} before {@code before} (or at all when null). */
    private Optional<Occurrence> visibleGlobal(String name, Instruction before) {
      Occurrence found = null;
      for (Instruction g : globals) {
        if (g == before) {
          break;
        }
        Map<String, Occurrence> m = declared.get(g);
        if (m != null && m.containsKey(name)) {
          found = m.get(name);
        }
      }
      return Optional.ofNullable(found);
    }

    private void scan(Instruction i, int from, int to, boolean global, Optional<Stage> stage) {
      String text = src.text();
      int end = Math.min(to, text.length());
      for (int p = from; p < end; p++) {
        char c = text.charAt(p);
        if (c == escape) {
          p++;
          continue;
        }
        if (c != '$' || p + 1 >= end) {
          continue;
        }
        int nameStart = text.charAt(p + 1) == '{' ? p + 2 : p + 1;
        int q = nameStart;
        if (q < end && (Character.isLetter(text.charAt(q)) || text.charAt(q) == '_')) {
          while (q < end && isNameChar(text.charAt(q))) {
            q++;
          }
          usage(i, text.substring(nameStart, q), src.range(nameStart, q), global, stage);
          p = q - 1;
        }
      }
    }

    private static boolean isNameChar(char c) {
      return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private void usage(
        Instruction i, String name, Range range, boolean global, Optional<Stage> stage) {
      Optional<Occurrence> def = global ? visibleGlobal(name, i) : visible(name, i);
      String group;
      Optional<Range> target;
      if (def.isPresent()) {
        group = def.get().group();
        target = Optional.of(def.get().range());
      } else {
        boolean automatic = SemanticModel.AUTOMATIC_ARGS.contains(name);
        group =
            automatic
                ? "auto:" + name
                : (global ? "g:" : "s" + stage.map(Stage::index).orElse(-1) + ":") + name;
        target = Optional.empty();
      }
      out.add(new Occurrence(Kind.VARIABLE, name, range, false, group, target, Optional.of(i)));
    }
  }
}
