// Lints every file named on the command line with dockerfile-utils' validate() in one node
// process and prints one JSON document, so it can be timed as a whole process beside dockerlint.
const fs = require("fs");
const { validate } = require("dockerfile-utils");

const files = [];
for (const path of process.argv.slice(2)) {
  const content = fs.readFileSync(path).toString();
  files.push({ path, diagnostics: validate(content) });
}
process.stdout.write(JSON.stringify({ files }) + "\n");
