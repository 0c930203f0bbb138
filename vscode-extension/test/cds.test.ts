import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { cdsPlan, removeOtherArchives, stamp, type FileStamp } from "../src/cds";
import { findJava } from "../src/java";
import { serverCommand, toLaunchSettings } from "../src/settings";

const jar: FileStamp = { path: "/ext/server/dockerlint.jar", size: 1000, mtimeMs: 5 };
const java = { path: "/usr/bin/java", size: 70, mtimeMs: 7, version: "17.0.15" };

describe("cdsPlan", () => {
  it("records an archive on the first start and maps it on the next", () => {
    const first = cdsPlan("/store", jar, java, [], () => false);
    assert.ok(first);
    assert.equal(first.recording, true);
    assert.match(first.archive, /^\/store\/dockerlint-[0-9a-f]{16}\.jsa$/);
    assert.deepEqual(first.args, [
      `-XX:ArchiveClassesAtExit=${first.archive}`,
      "-Xlog:cds=off",
      "-Xlog:cds+dynamic=off",
    ]);
    const next = cdsPlan("/store", jar, java, [], (f) => f === first.archive);
    assert.deepEqual(next, {
      args: [
        `-XX:SharedArchiveFile=${first.archive}`,
        "-Xshare:auto",
        "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off",
      ],
      archive: first.archive,
      recording: false,
    });
  });

  it("names another archive when the jar or the Java changes", () => {
    const a = cdsPlan("/store", jar, java, [], () => false)?.archive;
    for (const other of [
      cdsPlan("/store", { ...jar, mtimeMs: 6 }, java, [], () => false),
      cdsPlan("/store", { ...jar, size: 1001 }, java, [], () => false),
      cdsPlan("/store", jar, { ...java, version: "21.0.1" }, [], () => false),
      cdsPlan("/store", jar, { ...java, mtimeMs: 8 }, [], () => false),
    ]) {
      assert.notEqual(other?.archive, a);
    }
  });

  it("leaves class sharing to vmArgs that choose it", () => {
    for (const vmArgs of [
      ["-Xshare:off"],
      ["-XX:SharedArchiveFile=/x.jsa"],
      ["-XX:ArchiveClassesAtExit=/y.jsa"],
    ]) {
      assert.equal(
        cdsPlan("/store", jar, java, vmArgs, () => false),
        undefined,
        String(vmArgs),
      );
    }
    assert.ok(cdsPlan("/store", jar, java, ["-Xmx256m"], () => false));
  });

  it("removes the archives of earlier jars and Javas, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "dockerlint-cds-"));
    try {
      for (const name of [
        "dockerlint-0123456789abcdef.jsa",
        "dockerlint-fedcba9876543210.jsa",
        "notes.txt",
      ]) {
        writeFileSync(join(dir, name), "x");
      }
      removeOtherArchives(dir, join(dir, "dockerlint-0123456789abcdef.jsa"));
      assert.deepEqual(readdirSync(dir).sort(), ["dockerlint-0123456789abcdef.jsa", "notes.txt"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The real server jar and Java: a first session records the archive when the server exits, a
 * second one maps it, and both speak only the protocol on standard output.
 */
describe("the server with its class archive", () => {
  const serverJar = join(__dirname, "..", "..", "server", "dockerlint.jar");

  async function session(args: string[], command: string, dir: string): Promise<number> {
    const server = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    server.stderr?.on("data", (d) => (stderr += String(d)));
    const exited = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? -1)));
    const connection = createProtocolConnection(
      new StreamMessageReader(server.stdout!),
      new StreamMessageWriter(server.stdin!),
    );
    let published: (p: PublishDiagnosticsParams) => void = () => {};
    const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => (published = resolve));
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) =>
      published(p),
    );
    connection.listen();
    try {
      await connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        capabilities: {},
      });
      await connection.sendNotification("initialized", {});
      const uri = pathToFileURL(join(dir, "Dockerfile")).href;
      await connection.sendNotification("textDocument/didOpen", {
        textDocument: {
          uri,
          languageId: "dockerfile",
          version: 1,
          text: "FROM alpine:3.20\nMAINTAINER me\n",
        },
      });
      const d = await diagnostics;
      assert.ok(
        d.diagnostics.some((x) => String(x.code) === "DKL4000"),
        `DKL4000 in ${JSON.stringify(d)}; stderr: ${stderr}`,
      );
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      return await exited;
    } finally {
      connection.dispose();
    }
  }

  it("records the archive at the first exit and starts with it the next time", async () => {
    assert.ok(existsSync(serverJar), `${serverJar} is missing: run 'npm run server' (it builds the jar)`);
    const found = (await findJava({ javaHome: undefined, env: process.env, platform: process.platform }))
      .found;
    assert.ok(found, "a Java 17+ to run the server");
    const dir = mkdtempSync(join(tmpdir(), "dockerlint-cds-server-"));
    try {
      const launch = toLaunchSettings((k) => (k === "images.source" ? "none" : undefined));
      const plan = () =>
        cdsPlan(dir, stamp(serverJar), { ...stamp(found.executable), version: found.version }, []);
      const first = plan();
      assert.equal(first?.recording, true);
      const one = serverCommand(found.executable, serverJar, launch, first.args);
      assert.equal(await session(one.args, one.command, dir), 0);
      assert.ok(existsSync(first.archive), "the archive was written when the server exited");
      assert.ok(statSync(first.archive).size > 1_000_000, "the archive holds the server's classes");

      const second = plan();
      assert.equal(second?.recording, false);
      assert.equal(second.archive, first.archive);
      const log = join(dir, "classes.log");
      const logged = { ...launch, vmArgs: [`-Xlog:class+load=info:file=${log}`] };
      const two = serverCommand(found.executable, serverJar, logged, second.args);
      assert.equal(await session(two.args, two.command, dir), 0);
      const loads = readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => l.includes(" dev.dockerlint."));
      const mapped = loads.filter((l) => l.includes("source: shared objects file (top)"));
      assert.ok(loads.length > 100, `the server's classes were loaded: ${loads.length}`);
      assert.ok(mapped.length > loads.length * 0.9, `${mapped.length} of ${loads.length} from the archive`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
