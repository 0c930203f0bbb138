import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { describeRejected, findJava, javaInHome, parseJavaVersion } from "../src/java";

const root = mkdtempSync(join(tmpdir(), "dockerlint-java-"));
after(() => rmSync(root, { recursive: true, force: true }));

/** A folder with bin/java, a script that prints `versionLine` to standard error like java does. */
function fakeJavaHome(name: string, versionLine: string, exitCode = 0): string {
  const home = join(root, name);
  mkdirSync(join(home, "bin"), { recursive: true });
  const java = join(home, "bin", "java");
  writeFileSync(java, `#!/bin/sh\necho '${versionLine}' >&2\nexit ${exitCode}\n`);
  chmodSync(java, 0o755);
  return home;
}

const java17 = fakeJavaHome("jdk17", 'openjdk version "17.0.15" 2025-04-15');
const java21 = fakeJavaHome("jdk21", 'openjdk version "21" 2023-09-19');
const java8 = fakeJavaHome("jdk8", 'java version "1.8.0_392"');
const broken = fakeJavaHome("broken", "Error: could not open jvm.cfg", 1);

describe("parseJavaVersion", () => {
  it("reads a modern version", () => {
    assert.deepEqual(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime'), {
      version: "17.0.15",
      major: 17,
    });
  });
  it("reads a version without minor parts", () => {
    assert.deepEqual(parseJavaVersion('openjdk version "21" 2023-09-19'), { version: "21", major: 21 });
  });
  it("reads an early-access version", () => {
    assert.deepEqual(parseJavaVersion('openjdk version "24-ea" 2025-03-18'), { version: "24-ea", major: 24 });
  });
  it("reads the 1.x scheme of Java 8 and older as the second number", () => {
    assert.deepEqual(parseJavaVersion('java version "1.8.0_392"'), { version: "1.8.0_392", major: 8 });
  });
  it("gives nothing for output without a version", () => {
    assert.equal(parseJavaVersion("Error: could not open jvm.cfg"), undefined);
  });
});

describe("javaInHome", () => {
  it("appends bin/java to a home folder", () => {
    assert.equal(javaInHome("/opt/jdk-17", "linux"), "/opt/jdk-17/bin/java");
  });
  it("takes a path to the executable itself as it is", () => {
    assert.equal(javaInHome("/opt/jdk-17/bin/java", "linux"), "/opt/jdk-17/bin/java");
  });
  it("uses java.exe on Windows", () => {
    assert.equal(javaInHome("C:\\jdk-17", "win32"), "C:\\jdk-17\\bin\\java.exe");
  });
});

describe("findJava", () => {
  it("prefers dockerlint.java.home over JAVA_HOME and PATH", async () => {
    const r = await findJava({
      javaHome: java21,
      env: { JAVA_HOME: java17, PATH: join(java17, "bin") },
      platform: "linux",
    });
    assert.equal(r.found?.source, "dockerlint.java.home");
    assert.equal(r.found?.executable, join(java21, "bin", "java"));
    assert.equal(r.found?.major, 21);
    assert.deepEqual(r.rejected, []);
  });

  it("uses JAVA_HOME when the setting is empty", async () => {
    const r = await findJava({ javaHome: "  ", env: { JAVA_HOME: java17, PATH: "" }, platform: "linux" });
    assert.equal(r.found?.source, "JAVA_HOME");
    assert.equal(r.found?.version, "17.0.15");
  });

  it("uses the first java on PATH when nothing else is set", async () => {
    const r = await findJava({
      javaHome: undefined,
      env: { PATH: [join(root, "nothing-here"), join(java21, "bin"), join(java17, "bin")].join(":") },
      platform: "linux",
    });
    assert.equal(r.found?.source, "PATH");
    assert.equal(r.found?.executable, join(java21, "bin", "java"));
  });

  it("passes over a Java older than 17 and says why", async () => {
    const r = await findJava({
      javaHome: undefined,
      env: { JAVA_HOME: java8, PATH: join(java17, "bin") },
      platform: "linux",
    });
    assert.equal(r.found?.source, "PATH");
    assert.deepEqual(r.rejected, [
      { source: "JAVA_HOME", where: join(java8, "bin", "java"), reason: "Java 1.8.0_392 is older than 17" },
    ]);
  });

  it("passes over a setting that names no Java, and falls back", async () => {
    const r = await findJava({
      javaHome: join(root, "no-such-jdk"),
      env: { JAVA_HOME: java17 },
      platform: "linux",
    });
    assert.equal(r.found?.source, "JAVA_HOME");
    assert.equal(r.rejected[0].source, "dockerlint.java.home");
    assert.equal(r.rejected[0].reason, "no such executable");
  });

  it("passes over a java that fails to run", async () => {
    const r = await findJava({ javaHome: broken, env: { PATH: "" }, platform: "linux" });
    assert.equal(r.found, undefined);
    assert.equal(r.rejected[0].source, "dockerlint.java.home");
    assert.match(r.rejected[0].reason, /cannot run it/);
  });

  it("finds nothing when every candidate is too old or missing, listing each", async () => {
    const r = await findJava({
      javaHome: undefined,
      env: { JAVA_HOME: java8, PATH: join(root, "nothing-here") },
      platform: "linux",
    });
    assert.equal(r.found, undefined);
    assert.equal(
      describeRejected(r.rejected),
      `JAVA_HOME ${join(java8, "bin", "java")}: Java 1.8.0_392 is older than 17; PATH: no 'java' on it`,
    );
  });

  it("skips a PATH entry whose java is not executable", async () => {
    const dir = join(root, "not-executable", "bin");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "java"), "#!/bin/sh\n");
    chmodSync(join(dir, "java"), 0o644);
    const r = await findJava({
      javaHome: undefined,
      env: { PATH: [dir, join(java17, "bin")].join(":") },
      platform: "linux",
    });
    assert.equal(r.found?.executable, join(java17, "bin", "java"));
  });

  it("runs the real java of this machine", async () => {
    const r = await findJava({ javaHome: undefined, env: process.env, platform: process.platform });
    assert.ok(r.found, `no Java 17+ here: ${describeRejected(r.rejected)}`);
    assert.ok(r.found.major >= 17);
  });
});
