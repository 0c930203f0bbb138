// End to end in a real VS Code: with only a Java too old for the server to be found (the
// dockerlint.java.home setting, JAVA_HOME and the first java on PATH), opening a Dockerfile shows
// a notification that says what was found and how to fix it, and the status bar says the server
// cannot run.
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import { openFromExplorer, openVsCode, step, WAIT } from "./code-server.mjs";

describe("the extension in VS Code without Java 17", () => {
  let vscode;
  const oldJava = mkdtempSync(join(tmpdir(), "dockerlint-java8-"));

  before(async () => {
    mkdirSync(join(oldJava, "bin"));
    writeFileSync(join(oldJava, "bin", "java"), `#!/bin/sh\necho 'java version "1.8.0_392"' >&2\n`);
    chmodSync(join(oldJava, "bin", "java"), 0o755);
    vscode = await openVsCode({
      files: { Dockerfile: "FROM alpine:3.20\nMAINTAINER me\n" },
      userSettings: { "dockerlint.java.home": oldJava },
      // its bin folder first on PATH, so that it is also the first java there; VSCODE_CLI=1 gives
      // the extension host this environment as it is, not the one a login shell would make
      env: { JAVA_HOME: oldJava, PATH: `${join(oldJava, "bin")}:${process.env.PATH}`, VSCODE_CLI: "1" },
    });
  });

  after(async () => {
    await vscode?.close();
    rmSync(oldJava, { recursive: true, force: true });
  });

  step(
    () => vscode,
    "says which Java it found and how to fix it",
    async () => {
      const { page } = vscode;
      await openFromExplorer(page, "Dockerfile");
      const toast = page.locator(".notification-toast", { hasText: "dockerlint needs Java 17 or newer" });
      await toast.waitFor({ timeout: WAIT });
      const text = await toast.innerText();
      assert.match(text, /Java 1\.8\.0_392 is older than 17/);
      for (const source of ["dockerlint.java.home", "JAVA_HOME", "PATH"]) {
        assert.ok(text.includes(`${source} ${join(oldJava, "bin", "java")}`), `${source} in: ${text}`);
      }
      await toast.getByRole("button", { name: "Set dockerlint.java.home" }).waitFor({ timeout: WAIT });
    },
  );

  step(
    () => vscode,
    "shows in the status bar that the server cannot run",
    async () => {
      await vscode.page
        .locator(".statusbar-item", { hasText: "dockerlint" })
        .locator(".codicon-error")
        .waitFor({ timeout: WAIT });
    },
  );
});
