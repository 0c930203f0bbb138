package dev.dockerlint.rules.platform;

import dev.dockerlint.rules.Edit;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.Flag;
import dev.dockerlint.syntax.SourceText;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Which programs run on which machines, and other platform facts the platform rules share. */
public final class Platforms {
  private Platforms() {}

  /**
   * The Docker Hub namespaces of the official images' per-architecture builds ({@code
   * arm64v8/alpine}) and the platform each holds.
   *
   * @see <a
   *     href="https://github.com/docker-library/official-images#architectures-other-than-amd64">
   *     Architectures other than amd64</a>
   */
  public static final Map<String, Platform> ARCH_NAMESPACES =
      Map.ofEntries(
          Map.entry("amd64", Platform.parse("linux/amd64").orElseThrow()),
          Map.entry("arm64v8", Platform.parse("linux/arm64").orElseThrow()),
          Map.entry("arm32v7", Platform.parse("linux/arm/v7").orElseThrow()),
          Map.entry("arm32v6", Platform.parse("linux/arm/v6").orElseThrow()),
          Map.entry("arm32v5", Platform.parse("linux/arm/v5").orElseThrow()),
          Map.entry("i386", Platform.parse("linux/386").orElseThrow()),
          Map.entry("ppc64le", Platform.parse("linux/ppc64le").orElseThrow()),
          Map.entry("s390x", Platform.parse("linux/s390x").orElseThrow()),
          Map.entry("riscv64", Platform.parse("linux/riscv64").orElseThrow()),
          Map.entry("mips64le", Platform.parse("linux/mips64le").orElseThrow()));

  /**
   * Whether programs built for {@code program} run natively on a {@code machine}, by containerd's
   * platform matching ({@code platforms.Only}): the same OS and architecture, 32-bit x86 on amd64,
   * and on ARM an older variant on a newer one, 32-bit ARM included on arm64. Anything else needs
   * emulation, and fails with {@code exec format error} without it.
   */
  public static boolean runsNatively(Platform program, Platform machine) {
    if (!program.os().equals(machine.os())) {
      return false;
    }
    String p = program.architecture();
    String m = machine.architecture();
    if (p.equals(m)) {
      return !p.equals("arm") || armLevel(program) <= armLevel(machine);
    }
    return p.equals("386") && m.equals("amd64") || p.equals("arm") && m.equals("arm64");
  }

  private static int armLevel(Platform p) {
    return p.variant()
        .map(v -> v.replace("v", ""))
        .filter(v -> v.matches("[0-9]+"))
        .map(Integer::parseInt)
        .orElse(7);
  }

  /** An edit that deletes a flag and the blanks after it. */
  public static Edit removeFlag(SourceText source, Flag flag) {
    int end = source.endOffset(flag.range());
    String text = source.text();
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return new Edit(source.range(source.startOffset(flag.range()), end), "");
  }

  private static final Pattern WINDOWS_IMAGE =
      Pattern.compile("(?i).*(windows|nanoserver|servercore|ltsc20[0-9]{2}).*");

  /**
   * Whether stage {@code s} builds a Windows image: its platform says so, the name of its base
   * image (or of a stage it is based on) does ({@code nanoserver}, {@code servercore} ...), or the
   * file uses the backtick escape character Windows Dockerfiles use. Linux platform rules skip such
   * stages, whatever target platform the lint was given.
   */
  public static boolean windows(SemanticModel m, Stage s) {
    if (m.file().escapeCharacter() == '`') {
      return true;
    }
    for (Stage at : m.lineage(s)) {
      if (at.platform().map(p -> p.os().equals("windows")).orElse(false)) {
        return true;
      }
      if (at.base() instanceof Base.ImageBase b && windowsImage(b.text())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #WINDOWS_IMAGE} matches {@code text}; the pattern is tried only when the text holds one
   * of its words, which hardly any image name does (a rule asks for every RUN).
   */
  private static boolean windowsImage(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean mayMatch =
        lower.contains("windows")
            || lower.contains("nanoserver")
            || lower.contains("servercore")
            || lower.contains("ltsc20");
    return mayMatch && WINDOWS_IMAGE.matcher(text).matches();
  }
}
