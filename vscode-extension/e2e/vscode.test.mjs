// End to end in a real VS Code (code-server) driven through Chromium: the packaged .vsix is
// installed, a folder with a Dockerfile whose ENTRYPOINT fails to start is opened, and the
// squiggle, the Problems entry, the hover and the quick fix of the real server are checked on
// the page, then the commands and a restart after a crash. The screenshot for the README is
// kept in e2e/results/.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import { openFromExplorer, openVsCode, results, step, until, WAIT } from "./code-server.mjs";

describe("the extension in VS Code", () => {
  let vscode;
  let page;

  before(async () => {
    vscode = await openVsCode({
      files: {
        // no image look-ups: the facts that matter come from the build context
        ".vscode/settings.json": JSON.stringify({ "dockerlint.images.source": "none" }),
        "start.sh": "#!/bin/sh\necho started\n",
        Dockerfile: 'FROM alpine:3.20\nMAINTAINER me\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      },
    });
    page = vscode.page;
  });

  after(async () => {
    await vscode?.close();
  });

  const squiggle = () => page.locator(".monaco-editor .squiggly-error");

  step(
    () => vscode,
    "underlines the ENTRYPOINT's program as an error once the Dockerfile is opened",
    async () => {
      await openFromExplorer(page, "Dockerfile");
      await squiggle().first().waitFor({ timeout: WAIT });
      const entrypoint = page.locator(".monaco-editor .view-line", { hasText: "ENTRYPOINT" });
      // Monaco re-creates its line elements while it renders, so a box can be missing for a moment
      const { line, marks } = await until("the ENTRYPOINT line and the error marks", async () => {
        const line = await entrypoint.boundingBox();
        const marks = [];
        for (const mark of await squiggle().all()) marks.push(await mark.boundingBox());
        return line && marks.length > 0 && marks.every((m) => m) ? { line, marks } : null;
      });
      const onLine = marks.filter(
        (mark) => mark.y >= line.y - 2 && mark.y + mark.height <= line.y + line.height + 2,
      );
      assert.equal(onLine.length, 1, "one error mark on the ENTRYPOINT line");
      assert.ok(onLine[0].x > line.x + 100, "under the program, not the keyword");
    },
  );

  step(
    () => vscode,
    "shows the server as running in the status bar",
    async () => {
      const item = page.locator(".statusbar-item", { hasText: "dockerlint" });
      await item.locator(".codicon-check").waitFor({ timeout: WAIT });
    },
  );

  step(
    () => vscode,
    "lists the finding in the Problems panel with the rule code",
    async () => {
      await page.keyboard.press("Control+Shift+M");
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "is not executable" });
      await row.first().waitFor({ timeout: WAIT });
      const text = await row.first().innerText();
      assert.match(text, /dockerlint/);
      assert.match(text, /DKL1304/);
      assert.match(text, /permission denied/);
    },
  );

  step(
    () => vscode,
    "explains the rule in the hover",
    async () => {
      const box = await until("the error mark", () => squiggle().first().boundingBox());
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator(".monaco-hover", { hasText: "DKL1304 missing-exec-bit" });
      await hover.first().waitFor({ timeout: WAIT });
      const text = await hover.first().innerText();
      assert.match(text, /At run time:\s+permission denied/);
      mkdirSync(results, { recursive: true });
      await page.screenshot({ path: join(results, "screenshot.png") });
    },
  );

  step(
    () => vscode,
    "offers the quick fix, which adds --chmod=755 to the COPY and clears the error",
    async () => {
      const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Copy it with --chmod=755" });
      // the code actions are asked for when the menu opens; ask again if the first answer was empty
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press("Escape");
        await page.mouse.move(5, 400);
        const box = await until("the error mark", () => squiggle().first().boundingBox());
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
        !readFileSync(join(vscode.folder, "Dockerfile"), "utf8").includes("--chmod=755") &&
        Date.now() < deadline
      ) {
        await page.waitForTimeout(200);
      }
      assert.equal(
        readFileSync(join(vscode.folder, "Dockerfile"), "utf8"),
        'FROM alpine:3.20\nMAINTAINER me\nCOPY --chmod=755 start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n',
      );
      await squiggle().first().waitFor({ state: "detached", timeout: WAIT });
    },
  );

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

  step(
    () => vscode,
    "fixes all safe problems with the Fix All command",
    async () => {
      await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: WAIT });
      await runCommand("dockerlint: Fix All Safe Problems");
      await page
        .locator(".monaco-editor .view-line", { hasText: 'LABEL org.opencontainers.image.authors="me"' })
        .waitFor({ timeout: WAIT });
      await page
        .locator(".monaco-editor .squiggly-warning")
        .first()
        .waitFor({ state: "detached", timeout: WAIT });
    },
  );

  step(
    () => vscode,
    "shows a rule's documentation from the server with Show Rule Documentation",
    async () => {
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
    },
  );

  /** The ids of the language servers this VS Code started (their jar is under its extensions folder). */
  function serverPids() {
    return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
      .split("\n")
      .filter(
        (l) =>
          l.includes(`${vscode.extensions}/`) &&
          / -cp \S*dockerlint\.jar dev\.dockerlint\.cli\.Main lsp\b/.test(l),
      )
      .map((l) => Number(l.trim().split(/\s+/)[0]));
  }

  step(
    () => vscode,
    "starts the server again after it crashed, and lints again",
    async () => {
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
      await openFromExplorer(page, "Dockerfile");
      await page.locator(".monaco-editor .view-line", { hasText: "ENTRYPOINT" }).click();
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("MAINTAINER again");
      await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: WAIT });
    },
  );
});
