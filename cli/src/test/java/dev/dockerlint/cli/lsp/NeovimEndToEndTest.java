package dev.dockerlint.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor against the real server process: Neovim, headless, with its built-in LSP client,
 * opens a Dockerfile and receives our diagnostics, a hover and a quick fix. Needs {@code nvim}
 * (installed by {@code .ci/setup.d/lsp.sh}); skipped without it unless {@code
 * -Ddockerlint.requireTools=true}, then it fails.
 */
class NeovimEndToEndTest {

  @TempDir Path dir;

  private static boolean nvimAvailable() {
    try {
      Process p = new ProcessBuilder("nvim", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void neovimGetsDiagnosticsHoverAndAQuickFix() throws Exception {
    if (!nvimAvailable()) {
      if (Boolean.getBoolean("dockerlint.requireTools")) {
        fail(
            "nvim is required (dockerlint.requireTools=true) but not installed; run .ci/setup.d/lsp.sh");
      }
      assumeTrue(false, "nvim is not installed (run .ci/setup.d/lsp.sh)");
    }
    Path dockerfile = dir.resolve("Dockerfile");
    Files.writeString(dockerfile, "FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n");
    Path script = dir.resolve("e2e.lua");
    try (InputStream in = getClass().getResourceAsStream("/lsp/neovim-e2e.lua")) {
      Files.write(script, in.readAllBytes());
    }
    Path out = dir.resolve("result.json");
    JsonArray cmd = new JsonArray();
    LspProcess.command().forEach(cmd::add);

    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                "nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + script));
    pb.directory(dir.toFile());
    pb.environment().put("DOCKERLINT_LSP_CMD", cmd.toString());
    pb.environment().put("DOCKERLINT_E2E_FILE", dockerfile.toString());
    pb.environment().put("DOCKERLINT_E2E_OUT", out.toString());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("nvim.log").toFile());
    Process nvim = pb.start();
    nvim.getOutputStream().close();
    if (!nvim.waitFor(240, TimeUnit.SECONDS)) {
      nvim.destroyForcibly();
      fail("nvim did not finish within 240 s: " + Files.readString(dir.resolve("nvim.log")));
    }
    assertThat(out)
        .as("nvim wrote its result; log: %s", Files.readString(dir.resolve("nvim.log")))
        .exists();
    JsonObject r = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    assertThat(r.has("error") && !r.get("error").isJsonNull() ? r.get("error").getAsString() : null)
        .as("steps done: %s", r.get("steps"))
        .isNull();

    JsonObject d = r.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
    assertThat(d.get("code").getAsString()).isEqualTo("DKL4000");
    assertThat(d.get("source").getAsString()).isEqualTo("dockerlint");
    assertThat(d.get("lnum").getAsInt()).isEqualTo(1);

    assertThat(r.get("hover").getAsString()).contains("DKL4000 maintainer-deprecated");

    assertThat(r.getAsJsonArray("actions").toString())
        .contains("Replace with an authors LABEL", "Ignore DKL4000");
    assertThat(r.get("after").getAsString())
        .isEqualTo(
            "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"");
    assertThat(r.get("cleared").getAsBoolean()).as("diagnostics cleared after the fix").isTrue();
    assertThat(r.get("stopped").getAsBoolean()).as("server stopped on request").isTrue();
  }
}
