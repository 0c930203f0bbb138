// Puts the language server jar and its JVM options into server/ for packaging: `../dockerlint
// version` builds cli/target/dockerlint.jar first when it is missing or older than its sources.
// server/lsp.options is the launcher's cli/src/main/jvm/lsp.options, so that the server runs with
// the same JVM options from the editor as from ./dockerlint lsp.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = dirname(here);
execFileSync(join(root, "dockerlint"), ["version"], { stdio: ["ignore", "ignore", "inherit"] });
const jar = join(root, "cli", "target", "dockerlint.jar");
mkdirSync(join(here, "server"), { recursive: true });
copyFileSync(jar, join(here, "server", "dockerlint.jar"));
copyFileSync(join(root, "cli", "src", "main", "jvm", "lsp.options"), join(here, "server", "lsp.options"));
console.log(
  `server/dockerlint.jar: ${(statSync(jar).size / 1e6).toFixed(1)} MB from ${jar.slice(root.length + 1)}`,
);
