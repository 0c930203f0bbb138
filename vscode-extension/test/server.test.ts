import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { findJava } from "../src/java";
import { serverCommand, toLaunchSettings, toServerSettings } from "../src/settings";

/**
 * The real server jar, started with the command line the extension builds and sent the settings
 * it maps: the server accepts both without a warning and lints.
 */
const jar = join(__dirname, "..", "..", "server", "dockerlint.jar");
/** The server's JVM options, as the extension ships them (scripts/copy-server.mjs). */
const jvmOptions = join(__dirname, "..", "..", "server", "lsp.options");

describe("the server started as the extension starts it", () => {
  let server: ChildProcess;
  let connection: ProtocolConnection;
  const messages: string[] = [];
  const lookups: string[][] = [];
  const diagnostics: PublishDiagnosticsParams[] = [];
  let diagnosticsArrived: () => void = () => {};
  const dir = mkdtempSync(join(tmpdir(), "dockerlint-server-"));
  let stderr = "";

  before(async () => {
    assert.ok(existsSync(jar), `${jar} is missing: run 'npm run server' (it builds the jar)`);
    assert.ok(existsSync(jvmOptions), `${jvmOptions} is missing: run 'npm run server'`);
    const java = await findJava({ javaHome: undefined, env: process.env, platform: process.platform });
    assert.ok(java.found, "a Java 17+ to run the server");
    const get = (key: string): unknown =>
      ({
        "images.source": "none",
        "images.offline": true,
        "images.insecureRegistries": ["localhost:5000"],
        "images.filesMaxBytes": "100M",
        "java.vmArgs": ["-Xss2m"],
        rules: { DKL4000: "error", "shell-form-command": "off" },
        ignore: ["DKL0003"],
        platform: "linux/arm64",
        buildArgs: { VERSION: "1.2" },
        context: ".",
        "format.keywordCase": "upper",
        "format.continuationIndent": 4,
        "format.jsonArraySpaces": false,
        "diagnostics.debounceMs": 0,
        "inlayHints.enabled": true,
      })[key];
    const { command, args } = serverCommand(
      java.found.executable,
      jar,
      toLaunchSettings(get),
      [],
      jvmOptions,
    );
    server = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    server.stderr?.on("data", (d) => (stderr += String(d)));
    connection = createProtocolConnection(
      new StreamMessageReader(server.stdout!),
      new StreamMessageWriter(server.stdin!),
    );
    connection.onNotification("window/showMessage", (p: { message: string }) => messages.push(p.message));
    connection.onNotification("dockerlint/imageLookups", (p: { images: string[] }) => lookups.push(p.images));
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      diagnostics.push(p);
      diagnosticsArrived();
    });
    connection.listen();
    const init = (await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { experimental: { dockerlintImageLookups: true } },
      initializationOptions: { dockerlint: toServerSettings(get) },
    })) as { capabilities: { executeCommandProvider?: { commands: string[] } } };
    assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ["dockerlint.explain"]);
    await connection.sendNotification("initialized", {});
  });

  after(async () => {
    try {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
    } finally {
      connection.dispose();
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lints with the settings the extension sent, and warns about none of them", async () => {
    writeFileSync(join(dir, "start.sh"), "#!/bin/sh\necho hi\n");
    chmodSync(join(dir, "start.sh"), 0o644);
    const dockerfile = join(dir, "Dockerfile");
    const text = 'FROM alpine:3.20\nMAINTAINER me\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n';
    writeFileSync(dockerfile, text);
    const uri = pathToFileURL(dockerfile).href;
    const arrived = new Promise<void>((resolve) => (diagnosticsArrived = resolve));
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "dockerfile", version: 1, text },
    });
    await arrived;
    const d = diagnostics.find((p) => p.uri === uri);
    assert.ok(d, "diagnostics for the Dockerfile");
    const byCode = new Map(d.diagnostics.map((x) => [String(x.code), x]));
    assert.equal(byCode.get("DKL4000")?.severity, 1, "DKL4000 raised to error by dockerlint.rules");
    assert.ok(
      byCode.has("DKL1304"),
      `DKL1304 missing-exec-bit from the build context; got ${[...byCode.keys()]}`,
    );
    assert.deepEqual(messages, [], `warnings from the server; stderr: ${stderr}`);
  });

  it("takes a settings change without a warning, and reports the image look-ups it starts", async () => {
    assert.equal(lookups.length, 0, "no look-ups while images.source is none");
    const done = new Promise<void>((resolve) => {
      connection.onNotification("dockerlint/imageLookups", (p: { images: string[] }) => {
        lookups.push(p.images);
        if (p.images.length === 0) {
          resolve();
        }
      });
    });
    await connection.sendNotification("workspace/didChangeConfiguration", {
      settings: {
        dockerlint: toServerSettings((k) =>
          k === "images.source" ? "auto" : k === "platform" ? "linux/amd64" : undefined,
        ),
      },
    });
    await done;
    // a look-up that ends at once may be reported as [] twice: the newest notification is the state
    for (const l of lookups) {
      assert.ok(l.length === 0 || (l.length === 1 && l[0] === "alpine:3.20 linux/amd64"), String(l));
    }
    assert.deepEqual(lookups.at(-1), []);
    assert.deepEqual(messages, []);
  });

  it("answers the explain command with the rule's page", async () => {
    const page = await connection.sendRequest("workspace/executeCommand", {
      command: "dockerlint.explain",
      arguments: ["missing-exec-bit"],
    });
    assert.match(String(page), /## What it does/);
    assert.match(String(page), /\| Predicts \| permission denied/);
  });
});
