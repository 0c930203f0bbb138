// End to end in a real VS Code (code-server) driven through Chromium: the packaged .vsix is
// installed, a folder with a Dockerfile whose ENTRYPOINT fails to start is opened, and the
// squiggle, the Problems entry, the hover and the quick fix of the real server are checked
// on the page. A screenshot is kept in e2e/results/.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const extensionDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = dirname(extensionDir);
const version = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")).version;
const vsix = join(extensionDir, `dockerlint-${version}.vsix`);
const results = join(extensionDir, "e2e", "results");
const codeServerDir =
  process.env.CODE_SERVER_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "dockerlint-ci", "code-server-4.99.4");
const WAIT = 90_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

describe("the extension in VS Code", () => {
  let codeServer;
  let codeServerLog = "";
  let browser;
  let page;
  const work = mkdtempSync(join(tmpdir(), "dockerlint-e2e-"));
  const folder = join(work, "project");
  const extensions = join(work, "extensions");

  before(async () => {
    assert.ok(existsSync(vsix), `${vsix} is missing: run 'npm run package' first`);
    const bin = execFileSync("bash", [join(repo, ".ci", "code-server.sh"), codeServerDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .at(-1);
    const userData = join(work, "user-data");
    mkdirSync(join(userData, "User"), { recursive: true });
    writeFileSync(
      join(userData, "User", "settings.json"),
      JSON.stringify({
        "workbench.startupEditor": "none",
        "security.workspace.trust.enabled": false,
        "workbench.tips.enabled": false,
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "extensions.ignoreRecommendations": true,
        "telemetry.telemetryLevel": "off",
        "editor.hover.delay": 200,
        "window.commandCenter": false,
      }),
    );
    mkdirSync(join(folder, ".vscode"), { recursive: true });
    // no image look-ups: the facts that matter come from the build context
    writeFileSync(
      join(folder, ".vscode", "settings.json"),
      JSON.stringify({ "dockerlint.images.source": "none" }),
    );
    writeFileSync(join(folder, "start.sh"), "#!/bin/sh\necho started\n");
    chmodSync(join(folder, "start.sh"), 0o644);
    writeFileSync(
      join(folder, "Dockerfile"),
      'FROM alpine:3.20\nMAINTAINER me\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
    );
    const common = ["--user-data-dir", userData, "--extensions-dir", extensions];
    execFileSync(bin, [...common, "--install-extension", vsix], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await freePort();
    codeServer = spawn(
      bin,
      [
        ...common,
        "--auth",
        "none",
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        "--config",
        join(work, "code-server.yaml"),
        folder,
      ],
      { detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    codeServer.stdout.on("data", (d) => (codeServerLog += d));
    codeServer.stderr.on("data", (d) => (codeServerLog += d));
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, Date.now() + WAIT);
    const { chromium } = createRequire(join(codeServerDir, "package.json"))("playwright-core");
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: WAIT });
  });

  after(async () => {
    await browser?.close();
    if (codeServer?.pid) {
      try {
        process.kill(-codeServer.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  });

  /** A step of the scenario; a failing one leaves a screenshot of the page in e2e/results. */
  function step(name, fn) {
    it(name, async () => {
      try {
        await fn();
      } catch (e) {
        mkdirSync(results, { recursive: true });
        await page
          ?.screenshot({ path: join(results, `failed-${name.replace(/[^a-z0-9]+/gi, "-")}.png`) })
          .catch(() => undefined);
        throw e;
      }
    });
  }

  const squiggle = () => page.locator(".monaco-editor .squiggly-error");

  step("underlines the ENTRYPOINT's program as an error once the Dockerfile is opened", async () => {
    await page.locator('.explorer-viewlet .monaco-list-row[aria-label="Dockerfile"]').click();
    await squiggle().first().waitFor({ timeout: WAIT });
    const entrypoint = page.locator(".monaco-editor .view-line", { hasText: "ENTRYPOINT" });
    const line = await entrypoint.boundingBox();
    const mark = await squiggle().first().boundingBox();
    assert.ok(
      mark.y >= line.y - 2 && mark.y + mark.height <= line.y + line.height + 2,
      "on the ENTRYPOINT line",
    );
    assert.ok(mark.x > line.x + 100, "under the program, not the keyword");
  });

  step("shows the server as running in the status bar", async () => {
    const item = page.locator(".statusbar-item", { hasText: "dockerlint" });
    await item.locator(".codicon-check").waitFor({ timeout: WAIT });
  });

  step("lists the finding in the Problems panel with the rule code", async () => {
    await page.keyboard.press("Control+Shift+M");
    const row = page.locator(".markers-panel .monaco-list-row", { hasText: "is not executable" });
    await row.first().waitFor({ timeout: WAIT });
    const text = await row.first().innerText();
    assert.match(text, /dockerlint/);
    assert.match(text, /DKL1304/);
    assert.match(text, /permission denied/);
  });

  step("explains the rule in the hover", async () => {
    const box = await squiggle().first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator(".monaco-hover", { hasText: "DKL1304 missing-exec-bit" });
    await hover.first().waitFor({ timeout: WAIT });
    const text = await hover.first().innerText();
    assert.match(text, /At run time:\s+permission denied/);
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, "screenshot.png") });
  });

  step("offers the quick fix, which adds --chmod=755 to the COPY and clears the error", async () => {
    const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Copy it with --chmod=755" });
    // the code actions are asked for when the menu opens; ask again if the first answer was empty
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press("Escape");
      await page.mouse.move(5, 400);
      const box = await squiggle().first().boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press("Control+.");
      try {
        await fix.first().waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 5) {
          throw e;
        }
      }
    }
    // the menu takes keys, not clicks: move the focus to the fix and apply it
    const focused = page.locator(".action-widget .monaco-list-row.focused");
    for (let i = 0; i < 10 && !(await focused.innerText()).includes("Copy it with --chmod=755"); i++) {
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    await page
      .locator(".monaco-editor .view-line", { hasText: "COPY --chmod=755 start.sh /start.sh" })
      .waitFor({
        timeout: WAIT,
      });
    await page.keyboard.press("Control+S");
    const deadline = Date.now() + WAIT;
    while (
      !readFileSync(join(folder, "Dockerfile"), "utf8").includes("--chmod=755") &&
      Date.now() < deadline
    ) {
      await page.waitForTimeout(200);
    }
    assert.equal(
      readFileSync(join(folder, "Dockerfile"), "utf8"),
      'FROM alpine:3.20\nMAINTAINER me\nCOPY --chmod=755 start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
    );
    await squiggle().first().waitFor({ state: "detached", timeout: WAIT });
  });

  async function runCommand(title) {
    await page.keyboard.press("Control+Shift+P");
    const input = page.locator(".quick-input-widget input.input");
    await input.waitFor({ timeout: WAIT });
    await input.fill(`>${title}`);
    await page
      .locator(".quick-input-widget .monaco-list-row", { hasText: title })
      .first()
      .waitFor({ timeout: WAIT });
    await page.keyboard.press("Enter");
  }

  step("fixes all safe problems with the Fix All command", async () => {
    await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: WAIT });
    await runCommand("dockerlint: Fix All Safe Problems");
    await page
      .locator(".monaco-editor .view-line", { hasText: 'LABEL org.opencontainers.image.authors="me"' })
      .waitFor({ timeout: WAIT });
    await page
      .locator(".monaco-editor .squiggly-warning")
      .first()
      .waitFor({ state: "detached", timeout: WAIT });
  });

  step("shows a rule's documentation from the server with Show Rule Documentation", async () => {
    await runCommand("dockerlint: Show Rule Documentation");
    const input = page.locator(".quick-input-widget input.input");
    await page
      .locator(".quick-input-widget", { hasText: "A rule code, name or alias" })
      .waitFor({ timeout: WAIT });
    await input.fill("missing-exec-bit");
    await page.keyboard.press("Enter");
    await page.locator(".tab", { hasText: "Preview missing-exec-bit.md" }).waitFor({ timeout: WAIT });
    const preview = page.frameLocator("iframe.webview").frameLocator("#active-frame");
    await preview.locator("h1", { hasText: "DKL1304" }).waitFor({ timeout: WAIT });
    assert.match(await preview.locator("body").innerText(), /Predicts\s+permission denied/);
  });

  /** The ids of the language servers this VS Code started (their jar is under its extensions folder). */
  function serverPids() {
    return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.includes(`${extensions}/`) && l.includes("dockerlint.jar lsp"))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
  }

  step("starts the server again after it crashed, and lints again", async () => {
    const before = serverPids();
    assert.equal(before.length, 1, "one server running");
    process.kill(before[0], "SIGKILL");
    const deadline = Date.now() + WAIT;
    let now = serverPids();
    while (!(now.length === 1 && now[0] !== before[0]) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      now = serverPids();
    }
    assert.equal(now.length, 1, "a new server");
    assert.notEqual(now[0], before[0]);
    await page
      .locator(".statusbar-item", { hasText: "dockerlint" })
      .locator(".codicon-check")
      .waitFor({ timeout: WAIT });
    await page.locator('.explorer-viewlet .monaco-list-row[aria-label="Dockerfile"]').click();
    await page.locator(".monaco-editor .view-line", { hasText: "ENTRYPOINT" }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("MAINTAINER again");
    await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: WAIT });
  });
});
