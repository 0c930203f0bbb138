package dev.dockerlint.engine;

import dev.dockerlint.config.ForeignRuleIds;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Edit;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.RuleMeta;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.syntax.Comment;
import dev.dockerlint.syntax.Directive;
import dev.dockerlint.syntax.Dockerfile;
import dev.dockerlint.syntax.FromInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Position;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions written in the Dockerfile:
 *
 * <ul>
 *   <li>{@code # dockerlint ignore=CODE[,CODE] [reason]}: the next instruction;
 *   <li>{@code # dockerlint global ignore=CODE[,...]}: the whole file;
 *   <li>{@code # dockerlint stage ignore=CODE[,...]}: the build stage the comment is in (or, right
 *       above a {@code FROM}, the stage that FROM starts);
 *   <li>hadolint's {@code # hadolint ignore=DL3006} and its {@code global}/{@code stage} forms;
 *   <li>BuildKit's {@code # check=skip=Name[,Name]} directive (file-wide; {@code all} for every
 *       BuildKit check, not other rules; replaced by the {@code BUILDKIT_DOCKERFILE_CHECK} build
 *       argument when it is given) and the same line above an instruction (its value ends at the
 *       first space, as in BuildKit).
 * </ul>
 *
 * Codes are matched against each rule's code, name and aliases, so a hadolint code or a BuildKit
 * check name suppresses the dockerlint rule that carries it. One instance serves one lint run: it
 * records which ids suppressed something, so that {@link #problems} can report the unused ones.
 */
public final class Suppressions {
  private static final Pattern PRAGMA =
      Pattern.compile(
          "^(dockerlint|hadolint)\\s+(?:(global|stage)\\s+)?ignore\\s*=\\s*([A-Za-z0-9_,\\- ]+?)(?:\\s+(.*))?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHECK =
      Pattern.compile("^check\\s*=\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern IDS_THEN_REASON =
      Pattern.compile("^([A-Za-z0-9_\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)(?:\\s+(.*))?$");

  /** How far a suppression reaches. */
  public enum Kind {
    NEXT_INSTRUCTION,
    STAGE,
    FILE
  }

  /**
   * One suppression: which ids, over which source range, written where. {@code buildkit} entries
   * come from BuildKit's {@code check=skip=} syntax: there {@code all} means every BuildKit check
   * (not every rule) and experimental checks are never skipped. {@code reported} is false for skips
   * that come from the {@code BUILDKIT_DOCKERFILE_CHECK} build argument (no comment to report).
   */
  public record Entry(
      List<String> ids,
      Range scope,
      Range written,
      boolean global,
      Kind kind,
      boolean buildkit,
      boolean reported) {
    public Entry {
      ids = List.copyOf(ids);
    }

    Entry(List<String> ids, Range scope, Range written, boolean global, Kind kind) {
      this(ids, scope, written, global, kind, false, true);
    }
  }

  private final List<Entry> entries;
  private final boolean[][] used;

  private Suppressions(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.used = new boolean[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      used[i] = new boolean[entries.get(i).ids().size()];
    }
  }

  /** No suppressions ({@code --disable-ignore-pragma}). */
  public static Suppressions none() {
    return new Suppressions(List.of());
  }

  public List<Entry> entries() {
    return entries;
  }

  public static Suppressions of(Dockerfile file) {
    return of(file, BuildOptions.defaults());
  }

  /**
   * The suppressions of a file for one build: the {@code BUILDKIT_DOCKERFILE_CHECK} build argument,
   * when given, replaces the file's {@code # check=} directive.
   */
  public static Suppressions of(Dockerfile file, BuildOptions options) {
    List<Entry> out = new ArrayList<>();
    SourceText src = file.source();
    Range whole = src.range(0, src.length());
    List<Range> directiveRanges = new ArrayList<>();
    boolean overridden = options.buildArgs().containsKey(CheckOptions.BUILD_ARG);
    CheckOptions fileChecks = CheckOptions.of(file, options);
    Range checkWritten = src.range(0, 0);
    for (Directive d : file.directives()) {
      directiveRanges.add(d.range());
      if (d.name().equalsIgnoreCase("check")) {
        checkWritten = d.range();
      }
    }
    List<String> fileSkips = skips(fileChecks);
    if (!fileSkips.isEmpty()) {
      out.add(new Entry(fileSkips, whole, checkWritten, true, Kind.FILE, true, !overridden));
    }
    for (Comment c : file.comments()) {
      String text = c.text();
      if (!mayBePragma(text)) {
        continue; // an ordinary comment: the patterns below are not tried on every keystroke
      }
      if (directiveRanges.stream().anyMatch(r -> r.start().equals(c.range().start()))) {
        continue;
      }
      Matcher m = PRAGMA.matcher(text);
      List<String> ids;
      Kind kind;
      boolean buildkit = false;
      if (m.matches()) {
        String rest = m.group(3) + (m.group(4) == null ? "" : " " + m.group(4));
        Matcher ir = IDS_THEN_REASON.matcher(rest.trim());
        ids = ir.matches() ? split(ir.group(1)) : split(m.group(3));
        String scope = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        kind =
            switch (scope) {
              case "global" -> Kind.FILE;
              case "stage" -> Kind.STAGE;
              default -> Kind.NEXT_INSTRUCTION;
            };
      } else {
        Matcher ch = CHECK.matcher(text);
        if (!ch.matches()) {
          continue;
        }
        ids = CheckOptions.ofComment(ch.group(1)).map(Suppressions::skips).orElse(List.of());
        kind = Kind.NEXT_INSTRUCTION;
        buildkit = true;
      }
      if (ids.isEmpty()) {
        continue;
      }
      switch (kind) {
        case FILE -> out.add(new Entry(ids, whole, c.range(), true, kind));
        case STAGE -> out.add(new Entry(ids, stageScope(file, c.range()), c.range(), false, kind));
        case NEXT_INSTRUCTION -> {
          Instruction next = nextInstruction(file, c.range().end());
          if (next != null) {
            Range scope =
                src.range(
                    src.lineStart(next.header().firstLine()),
                    src.lineEnd(next.header().lastLine()));
            out.add(new Entry(ids, scope, c.range(), false, kind, buildkit, true));
          }
        }
      }
    }
    return new Suppressions(out);
  }

  /**
   * From the FROM of the stage the comment is in (or the FROM right after it, when the comment is
   * above the first instruction of a stage) to the next FROM or the end of the file.
   */
  private static Range stageScope(Dockerfile file, Range comment) {
    SourceText src = file.source();
    int start = src.startOffset(comment);
    Instruction next = nextInstruction(file, comment.end());
    if (next == null || !(next instanceof FromInstruction)) {
      for (Instruction i : file.instructions()) {
        if (i.range().start().compareTo(comment.start()) >= 0) {
          break;
        }
        if (i instanceof FromInstruction) {
          start = src.lineStart(i.header().firstLine());
        }
      }
    }
    int end = src.length();
    for (Instruction i : file.instructions()) {
      if (i instanceof FromInstruction
          && i.range().start().compareTo(comment.end()) > 0
          && i != next) {
        end = src.lineStart(i.header().firstLine());
        break;
      }
    }
    return src.range(start, Math.max(start, end));
  }

  private static List<String> skips(CheckOptions o) {
    List<String> out = new ArrayList<>();
    if (o.skipAll()) {
      out.add("all");
    }
    for (String s : o.skip()) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> split(String ids) {
    List<String> out = new ArrayList<>();
    for (String s : ids.split("[,\\s]+")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private static Instruction nextInstruction(Dockerfile file, Position at) {
    for (Instruction i : file.instructions()) {
      if (i.range().start().compareTo(at) >= 0) {
        return i;
      }
    }
    return null;
  }

  /** Whether a suppression covers {@code d}; records the ids that did. */
  public boolean suppresses(Diagnostic d) {
    boolean hit = false;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (!e.scope().contains(d.range()) && !e.scope().touches(d.range().start())) {
        continue;
      }
      if (e.buildkit() && CheckOptions.isExperimental(d.rule())) {
        continue;
      }
      for (int j = 0; j < e.ids().size(); j++) {
        String id = e.ids().get(j);
        boolean all =
            id.equalsIgnoreCase("all") && (!e.buildkit() || d.rule().buildkitCheck().isPresent());
        if (all || d.rule().matches(id)) {
          used[i][j] = true;
          hit = true;
        }
      }
    }
    return hit;
  }

  /**
   * Diagnostics about the suppressions themselves, once every finding went through {@link
   * #suppresses}: ids that name no rule ({@link RuleRegistry#UNKNOWN_RULE}) and ids of rules that
   * ran but had nothing to suppress ({@link RuleRegistry#UNUSED_SUPPRESSION}, with a fix that
   * deletes the comment when none of its ids is used). {@code ran} tells which rules ran.
   */
  public List<Diagnostic> problems(
      Dockerfile file, RuleRegistry registry, Predicate<RuleMeta> ran) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (!e.reported()) {
        continue;
      }
      List<String> unused = new ArrayList<>();
      boolean anyUsed = false;
      for (int j = 0; j < e.ids().size(); j++) {
        String id = e.ids().get(j);
        if (used[i][j]) {
          anyUsed = true;
          continue;
        }
        if (id.equalsIgnoreCase("all")) {
          anyUsed = true;
          continue;
        }
        var rule = registry.find(id).or(() -> RuleRegistry.builtIn().find(id));
        if (rule.isEmpty()) {
          if (!ForeignRuleIds.isKnown(id)) {
            out.add(
                Diagnostic.of(
                    RuleRegistry.UNKNOWN_RULE,
                    Finding.of(
                        e.written(),
                        "Unknown rule '" + id + "' in suppression (see 'dockerlint rules')")));
          }
          anyUsed = true;
        } else if (ran.test(rule.get())) {
          unused.add(id);
        } else {
          anyUsed = true;
        }
      }
      if (unused.isEmpty()) {
        continue;
      }
      Finding f =
          Finding.of(
              e.written(),
              "Unused suppression of "
                  + String.join(", ", unused)
                  + ": no such finding "
                  + switch (e.kind()) {
                    case NEXT_INSTRUCTION -> "on the next instruction";
                    case STAGE -> "in this stage";
                    case FILE -> "in this file";
                  });
      if (!anyUsed) {
        SourceText src = file.source();
        int line = e.written().start().line();
        int start = src.lineStart(line);
        int end = Math.min(src.length(), src.lineEnd(line) + 1);
        f =
            f.withFix(
                Fix.safe("Remove the unused suppression", new Edit(src.range(start, end), "")));
      }
      out.add(Diagnostic.of(RuleRegistry.UNUSED_SUPPRESSION, f));
    }
    return out;
  }

  /** Whether {@code text} starts like {@link #PRAGMA} or {@link #CHECK} can match it. */
  private static boolean mayBePragma(String text) {
    return text.regionMatches(true, 0, "dockerlint", 0, 10)
        || text.regionMatches(true, 0, "hadolint", 0, 8)
        || CheckOptions.mayBeCheckComment(text);
  }
}
