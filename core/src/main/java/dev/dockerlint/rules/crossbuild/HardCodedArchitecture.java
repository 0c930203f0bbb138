package dev.dockerlint.rules.crossbuild;

import dev.dockerlint.grammar.shell.ShellLex;
import dev.dockerlint.rules.Finding;
import dev.dockerlint.rules.Predicts;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.rules.RuleContext;
import dev.dockerlint.rules.RuleInfo;
import dev.dockerlint.rules.Severity;
import dev.dockerlint.rules.platform.Platforms;
import dev.dockerlint.semantic.Base;
import dev.dockerlint.semantic.ImageRef;
import dev.dockerlint.semantic.Platform;
import dev.dockerlint.semantic.SemanticModel;
import dev.dockerlint.semantic.Stage;
import dev.dockerlint.syntax.AddInstruction;
import dev.dockerlint.syntax.Instruction;
import dev.dockerlint.syntax.Range;
import dev.dockerlint.syntax.RunInstruction;
import dev.dockerlint.syntax.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An architecture written into a RUN or ADD — a download URL for {@code linux-amd64}, {@code
 * GOARCH=amd64}, {@code --platform=linux/amd64} in a nested build, {@code cargo build --target
 * x86_64-unknown-linux-musl}, {@code dotnet publish -r linux-x64} — in a stage whose platform is
 * not fixed to that architecture (by a constant {@code --platform} or an architecture namespace
 * like {@code amd64/}). Built for another platform, the stage still fetches or builds the amd64
 * program, which then fails with {@code exec format error}.
 *
 * <p>A stage of the target platform is not reported either when the final stage is pinned to the
 * same architecture: the whole Dockerfile is then for that architecture (like the per-architecture
 * Dockerfiles of the official .NET images). Instructions that choose the architecture themselves
 * ({@code uname -m}, {@code dpkg --print-architecture}, {@code $TARGETARCH}, a {@code case}) or
 * name several architectures are not reported.
 *
 * @see <a
 *     href="https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope">
 *     Automatic platform ARGs</a>
 */
@RuleInfo(
    code = "DKL1202",
    name = "hard-coded-architecture",
    severity = Severity.WARNING,
    summary = "A RUN or ADD hard-codes an architecture in a stage not fixed to it",
    predicts = Predicts.EXEC_FORMAT_ERROR)
public final class HardCodedArchitecture implements Rule {

  private static final String ARCH =
      "(?<![A-Za-z0-9])(x86_64|x86-64|amd64|x64|aarch64|arm64|armhf|armv7l|armv7|armv6l|armv6"
          + "|arm32v7|i386|i686|ppc64le|s390x|riscv64)(?![A-Za-z0-9])";
  private static final Pattern ARCH_TOKEN = Pattern.compile(ARCH, Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>\\\\)]+");
  private static final Pattern NOT_A_LINUX_PROGRAM =
      Pattern.compile(
          "(?i)windows|win64|win32|[-_.]win[-_.]|darwin|macos|osx|\\.exe\\b|\\.msi\\b|\\.nupkg"
              + "|\\.dmg\\b|\\.asc\\b|\\.sig\\b|\\.sha(1|256|512)\\b|checksum|\\.txt\\b"
              + "|\\.html?\\b|\\.md\\b|[?#]");
  private static final Pattern PACKAGE = Pattern.compile("(?i)(\\.deb|\\.rpm|\\.apk|/)$");
  private static final Pattern GOARCH = Pattern.compile("\\bGOARCH=['\"]?" + ARCH);
  private static final Pattern NESTED_PLATFORM =
      Pattern.compile("--platform[= ]['\"]?(?:linux/)?" + ARCH);
  private static final Pattern RUST_TARGET =
      Pattern.compile("--target[= ]['\"]?" + ARCH + "-[a-z]+-linux");
  private static final Pattern DOTNET_RID =
      Pattern.compile("(?:-r|--runtime)[= ]['\"]?linux(?:-musl|-bionic)?-(x64|arm64|arm|x86)\\b");
  private static final Pattern CHOOSES_ARCH =
      Pattern.compile(
          "uname\\s+-[mpa]|--print-arch|\\barch\\b|TARGETARCH|TARGETPLATFORM|TARGETVARIANT"
              + "|BUILDARCH|BUILDPLATFORM|\\bcase\\b|\\$\\{?[A-Za-z_]*ARCH");

  private static final Map<String, String> DOTNET_ARCH =
      Map.of("x64", "amd64", "arm64", "arm64", "arm", "armhf", "x86", "i386");

  /** One hard-coded architecture: where, what kind, which platform it means. */
  private record Hit(String needle, String what, Platform platform, boolean executable) {}

  @Override
  public void check(RuleContext ctx) {
    SemanticModel m = ctx.model();
    Set<Stage> needed = m.stagesNeededForFinal();
    Optional<Platform> image = m.finalStage().flatMap(f -> fixedPlatform(m, f));
    for (Stage s : m.stages()) {
      if (!needed.contains(s)
          || Platforms.windows(m, s)
          || s.platform().map(p -> !p.os().equals("linux")).orElse(false)) {
        continue;
      }
      Optional<Platform> fixed = fixedPlatform(m, s);
      for (Instruction i : s.instructions()) {
        List<Hit> hits = hits(i);
        Set<String> archs = new LinkedHashSet<>();
        hits.forEach(h -> archs.add(h.platform().architecture()));
        if (hits.isEmpty() || archs.size() > 1) {
          continue;
        }
        Hit hit = hits.get(0);
        if (fixed.isPresent() && Platforms.runsNatively(hit.platform(), fixed.get())
            || fixed.isEmpty()
                && !m.onBuildPlatform(s)
                && image.filter(p -> Platforms.runsNatively(hit.platform(), p)).isPresent()) {
          continue;
        }
        report(ctx, s, i, hit, fixed);
      }
    }
  }

  private static void report(
      RuleContext ctx, Stage s, Instruction i, Hit hit, Optional<Platform> fixed) {
    SemanticModel m = ctx.model();
    String arch =
        hit.platform().architecture() + hit.platform().variant().map(v -> "/" + v).orElse("");
    String where;
    if (fixed.isPresent()) {
      where = "but the stage is " + fixed.get();
    } else if (m.onBuildPlatform(s)) {
      where =
          "but the stage runs on the build machine ($BUILDPLATFORM), which may be another"
              + " architecture (an arm64 laptop or server, an amd64 CI runner)";
    } else if (s.platform().filter(p -> !Platforms.runsNatively(hit.platform(), p)).isPresent()) {
      where = "but this build makes the stage " + s.platform().get();
    } else {
      where =
          "but the stage is built for the target platform ("
              + s.platform().map(Platform::toString).orElse("unknown")
              + " in this build), which may be another architecture";
    }
    String failure =
        hit.executable()
            ? "there the " + arch + " program fails with 'exec format error'"
            : "there the package manager refuses the " + arch + " package";
    String variable = m.onBuildPlatform(s) ? "BUILDARCH" : "TARGETARCH";
    String message =
        hit.what()
            + " hard-codes "
            + arch
            + ", "
            + where
            + ": "
            + failure
            + ". Use the automatic ARG "
            + variable
            + " (declare ARG "
            + variable
            + " in the stage and write ${"
            + variable
            + "}, mapping names like x86_64 where needed), or pin the stage with --platform=linux/"
            + arch;
    Range at =
        BuildCommands.locate(ctx.file().source(), i, hit.needle()).orElse(i.keyword().range());
    Finding f = Finding.of(at, message);
    if (hit.executable()) {
      f = f.withPredicts(Predicts.EXEC_FORMAT_ERROR);
    }
    ctx.report(f);
  }

  /**
   * The platform {@code s} is pinned to: a constant {@code --platform} (its own or its base
   * stage's), the architecture namespace of its base image ({@code amd64/debian}), or an
   * architecture in the base image's name or tag ({@code runtime:8.0-jammy-amd64}).
   */
  static Optional<Platform> fixedPlatform(SemanticModel m, Stage s) {
    Optional<Stage> origin = m.platformOrigin(s);
    if (origin.isPresent()) {
      String raw = origin.get().from().flag("platform").map(f -> f.valueOrEmpty()).orElse("");
      Optional<ShellLex.Result> r = m.expandWithMatches(raw, m.globalScope());
      if (r.isPresent() && r.get().matched().isEmpty() && r.get().unmatched().isEmpty()) {
        return Platform.parse(r.get().result());
      }
      return Optional.empty();
    }
    List<Stage> lineage = m.lineage(s);
    if (!(lineage.get(lineage.size() - 1).base() instanceof Base.ImageBase b)) {
      return Optional.empty();
    }
    Optional<Platform> namespace =
        b.ref()
            .filter(ref -> ref.registry().equals(ImageRef.DOCKER_HUB))
            .map(ref -> Platforms.ARCH_NAMESPACES.get(ref.namespace()));
    if (namespace.isPresent()) {
      return namespace;
    }
    String name = b.text().substring(b.text().lastIndexOf('/') + 1);
    Matcher a = ARCH_TOKEN.matcher(name);
    return a.find() ? Optional.of(platform(a.group(1))) : Optional.empty();
  }

  private static List<Hit> hits(Instruction i) {
    List<Hit> out = new ArrayList<>();
    if (i instanceof RunInstruction r) {
      String text = BuildCommands.text(r);
      // each pattern needs its literal part: a plain substring search rules most RUNs out before
      // any regular expression runs (the results are the same)
      boolean url = text.contains("http");
      boolean goarch = text.contains("GOARCH=");
      boolean nested = text.contains("--platform");
      boolean target = text.contains("--target");
      boolean rid = text.contains("linux");
      if (!(url || goarch || nested || target || rid)
          || mayChooseArch(text) && CHOOSES_ARCH.matcher(text).find()) {
        return List.of();
      }
      if (url) {
        urls(text, out);
      }
      if (goarch) {
        Matcher g = GOARCH.matcher(text);
        while (g.find()) {
          out.add(new Hit(g.group(), "GOARCH=" + g.group(1), platform(g.group(1)), true));
        }
      }
      if (nested) {
        Matcher p = NESTED_PLATFORM.matcher(text);
        while (p.find()) {
          out.add(new Hit(p.group(), "'" + p.group() + "'", platform(p.group(1)), true));
        }
      }
      if (target) {
        Matcher t = RUST_TARGET.matcher(text);
        while (t.find()) {
          out.add(new Hit(t.group(), "'" + t.group() + "'", platform(t.group(1)), true));
        }
      }
      if (rid) {
        Matcher d = DOTNET_RID.matcher(text);
        while (d.find()) {
          out.add(
              new Hit(
                  d.group(), "'" + d.group() + "'", platform(DOTNET_ARCH.get(d.group(1))), true));
        }
      }
    } else if (i instanceof AddInstruction a) {
      for (Word w : a.sources()) {
        urls(w.value(), out);
      }
    }
    return out;
  }

  /** Whether {@code text} has a literal part of one of {@link #CHOOSES_ARCH}'s alternatives. */
  private static boolean mayChooseArch(String text) {
    return text.contains("arch")
        || text.contains("ARCH")
        || text.contains("uname")
        || text.contains("PLATFORM")
        || text.contains("VARIANT")
        || text.contains("case");
  }

  private static void urls(String text, List<Hit> out) {
    Matcher u = URL.matcher(text);
    while (u.find()) {
      String url = u.group();
      if (NOT_A_LINUX_PROGRAM.matcher(url).find()) {
        continue;
      }
      Matcher a = ARCH_TOKEN.matcher(url);
      if (a.find()) {
        String token = a.group(1);
        out.add(
            new Hit(
                url,
                "'" + token + "' in the URL " + url,
                platform(token),
                !PACKAGE.matcher(url).find()));
      }
    }
  }

  private static Platform platform(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    String arch =
        switch (t) {
          case "x86_64", "x86-64", "x64" -> "amd64";
          case "aarch64" -> "arm64";
          case "armv7", "armv7l", "arm32v7" -> "armhf";
          case "armv6", "armv6l" -> "armel";
          case "i686" -> "i386";
          default -> t;
        };
    return new Platform("linux", arch);
  }
}
