// Starts a real VS Code for the end-to-end tests: code-server (installed by ../.ci/code-server.sh)
// with the packaged .vsix installed in a fresh user-data and extensions folder, on a folder of
// the test's files, driven through Debian's Chromium with playwright-core.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";

const extensionDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = dirname(extensionDir);
const version = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")).version;
const vsix = join(extensionDir, `dockerlint-${version}.vsix`);
const codeServerDir =
  process.env.CODE_SERVER_DIR ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "dockerlint-ci", "code-server-4.99.4");

/** How long a step waits for the page (a cold start of VS Code and the server included). */
export const WAIT = 90_000;

/** Where screenshots go. */
export const results = join(extensionDir, "e2e", "results");

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

/**
 * A VS Code with the extension installed, open on a new folder holding `files` (path → text, or
 * { text, mode }). `userSettings` are added to the user settings, `env` to code-server's
 * environment, `args` to its command line.
 */
export async function openVsCode({ files, userSettings = {}, env = {}, args = [] }) {
  assert.ok(existsSync(vsix), `${vsix} is missing: run 'npm run package' first`);
  const bin = execFileSync("bash", [join(repo, ".ci", "code-server.sh"), codeServerDir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .at(-1);
  const work = mkdtempSync(join(tmpdir(), "dockerlint-e2e-"));
  const folder = join(work, "project");
  const extensions = join(work, "extensions");
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
      ...userSettings,
    }),
  );
  for (const [path, content] of Object.entries(files)) {
    const { text, mode } = typeof content === "string" ? { text: content, mode: 0o644 } : content;
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
    chmodSync(join(folder, path), mode);
  }
  const common = ["--user-data-dir", userData, "--extensions-dir", extensions];
  execFileSync(bin, [...common, "--install-extension", vsix], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await freePort();
  let log = "";
  const codeServer = spawn(
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
      ...args,
      folder,
    ],
    { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
  );
  codeServer.stdout.on("data", (d) => (log += d));
  codeServer.stderr.on("data", (d) => (log += d));
  let browser;
  const close = async () => {
    await browser?.close();
    try {
      process.kill(-codeServer.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
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
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: WAIT });
    return { page, folder, extensions, log: () => log, close };
  } catch (e) {
    await close();
    throw new Error(`VS Code did not start: ${e.message}\n${log}`);
  }
}

/**
 * A step of a scenario on `vscode()`'s page; a failing one leaves a screenshot of the page in
 * e2e/results and prints code-server's log.
 */
export function step(vscode, name, fn) {
  it(name, async () => {
    try {
      await fn();
    } catch (e) {
      const v = vscode();
      mkdirSync(results, { recursive: true });
      await v?.page
        .screenshot({ path: join(results, `failed-${name.replace(/[^a-z0-9]+/gi, "-")}.png`) })
        .catch(() => undefined);
      console.error(v?.log());
      throw e;
    }
  });
}

/**
 * Calls `probe` until it returns something other than null or undefined, and returns that; fails
 * with `what` after `timeout` ms. For measurements of an editor that re-renders its lines at will.
 */
export async function until(what, probe, timeout = WAIT) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens the file `name` from the Explorer. */
export async function openFromExplorer(page, name) {
  await page.locator(`.explorer-viewlet .monaco-list-row[aria-label="${name}"]`).click();
}
