package dev.dockerlint.rules.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.engine.Linter;
import dev.dockerlint.registry.RuleRegistry;
import dev.dockerlint.rules.Applicability;
import dev.dockerlint.rules.Diagnostic;
import dev.dockerlint.rules.Fix;
import dev.dockerlint.rules.Rule;
import dev.dockerlint.semantic.BuildOptions;
import dev.dockerlint.semantic.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The unsafe fixes of the cross-compilation rules (fix pairs in the fixtures apply safe fixes
 * only): applied, they give a Dockerfile the rule no longer reports.
 */
class UnsafeFixesTest {

  private static final BuildOptions ARM64_ON_AMD64 =
      new BuildOptions(Platform.LINUX_ARM64, Platform.LINUX_AMD64, Map.of(), Optional.empty());

  private static List<Diagnostic> lint(Rule rule, String text) {
    return new Linter(new RuleRegistry(List.of(rule)))
        .lint("Dockerfile", text, ARM64_ON_AMD64, Optional.empty())
        .diagnostics();
  }

  private static String applyUnsafe(Rule rule, String text) {
    List<Diagnostic> ds = lint(rule, text);
    assertThat(ds).isNotEmpty();
    String out = text;
    for (int i = ds.size() - 1; i >= 0; i--) {
      Fix f = ds.get(i).fixes().get(0);
      assertThat(f.applicability()).isIn(Applicability.UNSAFE, Applicability.DISPLAY_ONLY);
      out = f.applyTo(out);
    }
    assertThat(lint(rule, out)).as("findings after the fix").isEmpty();
    return out;
  }

  @Test
  void goBuildOnTheBuildPlatformGetsTheTargetPlatform() {
    assertThat(
            applyUnsafe(
                new CrossBuildIgnoresTarget(),
                "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                    + "  RUN CGO_ENABLED=0 go build -o /out/app .\n"
                    + "FROM scratch\nCOPY --from=build /out/app /app\n"))
        .isEqualTo(
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                + "  ARG TARGETOS TARGETARCH\n"
                + "  RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n"
                + "FROM scratch\nCOPY --from=build /out/app /app\n");
  }

  @Test
  void goCompiledUnderEmulationMovesToTheBuildPlatform() {
    assertThat(
            applyUnsafe(
                new CompileUnderEmulation(),
                "FROM golang:1.22 AS build\nRUN go build -o /out/app .\n"
                    + "FROM alpine:3.20\nCOPY --from=build /out/app /app\n"))
        .isEqualTo(
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\n"
                + "RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n"
                + "FROM alpine:3.20\nCOPY --from=build /out/app /app\n");
  }

  @Test
  void dotnetCompiledUnderEmulationMovesToTheBuildPlatform() {
    assertThat(
            applyUnsafe(
                new CompileUnderEmulation(),
                "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n"
                    + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app /app\n"))
        .isEqualTo(
            "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n"
                + "ARG TARGETOS TARGETARCH\nRUN dotnet publish -a $TARGETARCH -o /app\n"
                + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app /app\n");
  }
}
