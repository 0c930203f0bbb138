// The packaged .vsix holds the bundled client, the server jar and its JVM options file, README,
// CHANGELOG and the README's screenshot, and nothing else (no sources, source maps, tests or
// node_modules).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const extensionDir = dirname(dirname(fileURLToPath(import.meta.url)));
const version = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")).version;
const vsix = join(extensionDir, `dockerlint-${version}.vsix`);
const files = [
  "CHANGELOG.md",
  "README.md",
  "dist/extension.js",
  "images/screenshot.png",
  "package.json",
  "server/dockerlint.jar",
  "server/lsp.options",
];

/** The size of a file of the extension as the .vsix holds it (`jar tvf`'s first column). */
function packedSize(file) {
  const listing = execFileSync("jar", ["tvf", vsix], { encoding: "utf8" });
  const line = listing.split("\n").find((l) => l.endsWith(` extension/${file}`));
  assert.ok(line, `extension/${file}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe(`dockerlint-${version}.vsix`, () => {
  it("vsce ls lists only the files the extension needs", () => {
    const listed = execFileSync("npx", ["vsce", "ls", "--no-dependencies"], {
      cwd: extensionDir,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .map((l) => l.trim())
      .sort();
    assert.deepEqual(listed, files);
  });

  it("holds those files and the package's own metadata, and no others", () => {
    const entries = execFileSync("jar", ["tf", vsix], { encoding: "utf8" }).trim().split("\n").sort();
    assert.deepEqual(
      entries,
      [
        "[Content_Types].xml",
        "extension.vsixmanifest",
        ...files.map((f) => `extension/${f.replace(/^(README|CHANGELOG)\.md$/, (m) => m.toLowerCase())}`),
      ].sort(),
    );
  });

  it("carries the server jar that was built", () => {
    assert.equal(
      packedSize("server/dockerlint.jar"),
      statSync(join(extensionDir, "server", "dockerlint.jar")).size,
    );
  });

  it("carries the launcher's JVM options for the server", () => {
    assert.equal(
      packedSize("server/lsp.options"),
      statSync(join(extensionDir, "..", "cli", "src", "main", "jvm", "lsp.options")).size,
    );
  });
});
