import { execFile } from "node:child_process";
import { constants as fsConstants, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The oldest Java the server runs on. */
export const MIN_JAVA = 17;

/** Where a candidate Java came from, in the order they are tried. */
export type JavaSource = "dockerlint.java.home" | "JAVA_HOME" | "PATH";

/** A Java executable to try. */
export interface JavaCandidate {
  source: JavaSource;
  /** The `java` executable. */
  executable: string;
}

/** What running `java -version` told. */
export type ProbeResult = { ok: true; version: string; major: number } | { ok: false; reason: string };

/** Runs a candidate and reads its version. */
export type JavaProbe = (executable: string) => Promise<ProbeResult>;

/** A Java that can run the server. */
export interface FoundJava {
  source: JavaSource;
  executable: string;
  version: string;
  major: number;
}

/** A candidate that was looked at and not taken, and why. */
export interface RejectedJava {
  source: JavaSource;
  /** The executable looked at; empty when there was none (no `java` on PATH). */
  where: string;
  reason: string;
}

/** The Java to use, and the candidates that were passed over before it. */
export type JavaLookup =
  { found: FoundJava; rejected: RejectedJava[] } | { found: undefined; rejected: RejectedJava[] };

/** What the discovery reads: the setting, the environment and the platform. */
export interface JavaLookupInput {
  /** The `dockerlint.java.home` setting (empty or undefined: not set). */
  javaHome: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  probe?: JavaProbe;
}

function javaExecutableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "java.exe" : "java";
}

function expandHome(p: string): string {
  if (p === "~") {
    return os.homedir();
  }
  if (p.startsWith("~/") || p.startsWith("~\\")) {
    return path.join(os.homedir(), p.slice(2));
  }
  return p;
}

/**
 * The `java` inside a Java home folder. A path that already names the executable
 * (`/usr/lib/jvm/x/bin/java`) is taken as it is, since that is a common mistake.
 */
export function javaInHome(home: string, platform: NodeJS.Platform): string {
  const exe = javaExecutableName(platform);
  const p = expandHome(home.trim());
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  if (pathApi.basename(p) === exe || pathApi.basename(p) === "java") {
    return p;
  }
  return pathApi.join(p, "bin", exe);
}

async function isExecutableFile(p: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    const st = await fs.stat(p);
    if (!st.isFile()) {
      return false;
    }
    if (platform !== "win32") {
      await fs.access(p, fsConstants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The first `java` on PATH, as a shell would find it. */
export async function javaOnPath(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): Promise<string | undefined> {
  const pathValue = platform === "win32" ? (env.Path ?? env.PATH) : env.PATH;
  if (!pathValue) {
    return undefined;
  }
  const delimiter = platform === "win32" ? ";" : ":";
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  for (const dir of pathValue.split(delimiter)) {
    if (dir === "") {
      continue;
    }
    const candidate = pathApi.join(dir, javaExecutableName(platform));
    if (await isExecutableFile(candidate, platform)) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * The version in `java -version` output: `openjdk version "17.0.15" 2025-04-15`,
 * `java version "1.8.0_392"`, `openjdk version "21" 2023-09-19`, `openjdk version "22-ea"`.
 */
export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const m = /version "([^"]+)"/.exec(output);
  if (!m) {
    return undefined;
  }
  const version = m[1];
  const parts = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!parts) {
    return undefined;
  }
  const first = Number(parts[1]);
  const major = first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
  return { version, major };
}

/** Runs `executable -version` (it prints to standard error) and reads the version. */
export const probeJava: JavaProbe = (executable) =>
  new Promise((resolve) => {
    execFile(executable, ["-version"], { timeout: 15000, windowsHide: true }, (error, stdout, stderr) => {
      const parsed = parseJavaVersion(`${stderr}\n${stdout}`);
      if (parsed) {
        resolve({ ok: true, ...parsed });
      } else if (error) {
        resolve({ ok: false, reason: `cannot run it (${error.message.split("\n")[0]})` });
      } else {
        resolve({ ok: false, reason: "'-version' printed no version" });
      }
    });
  });

/**
 * Finds a Java 17+ to run the server: the `dockerlint.java.home` setting, then `JAVA_HOME`,
 * then the first `java` on PATH. The first candidate that exists and is new enough wins; the
 * ones passed over are returned with the reason, for the log and for the notification shown
 * when none fits.
 */
export async function findJava(input: JavaLookupInput): Promise<JavaLookup> {
  const probe = input.probe ?? probeJava;
  const rejected: RejectedJava[] = [];
  const tried: JavaCandidate[] = [];
  const setting = input.javaHome?.trim();
  if (setting) {
    tried.push({ source: "dockerlint.java.home", executable: javaInHome(setting, input.platform) });
  }
  const javaHomeEnv = input.env.JAVA_HOME?.trim();
  if (javaHomeEnv) {
    tried.push({ source: "JAVA_HOME", executable: javaInHome(javaHomeEnv, input.platform) });
  }
  for (const candidate of tried) {
    const found = await check(candidate, input.platform, probe, rejected);
    if (found) {
      return { found, rejected };
    }
  }
  const onPath = await javaOnPath(input.env, input.platform);
  if (onPath === undefined) {
    rejected.push({ source: "PATH", where: "", reason: "no 'java' on it" });
    return { found: undefined, rejected };
  }
  const found = await check({ source: "PATH", executable: onPath }, input.platform, probe, rejected);
  return { found, rejected };
}

async function check(
  candidate: JavaCandidate,
  platform: NodeJS.Platform,
  probe: JavaProbe,
  rejected: RejectedJava[],
): Promise<FoundJava | undefined> {
  if (!(await isExecutableFile(candidate.executable, platform))) {
    rejected.push({
      source: candidate.source,
      where: candidate.executable,
      reason: "no such executable",
    });
    return undefined;
  }
  const r = await probe(candidate.executable);
  if (!r.ok) {
    rejected.push({ source: candidate.source, where: candidate.executable, reason: r.reason });
    return undefined;
  }
  if (r.major < MIN_JAVA) {
    rejected.push({
      source: candidate.source,
      where: candidate.executable,
      reason: `Java ${r.version} is older than ${MIN_JAVA}`,
    });
    return undefined;
  }
  return { source: candidate.source, executable: candidate.executable, version: r.version, major: r.major };
}

/** One line per candidate passed over: `JAVA_HOME /opt/jdk8/bin/java: Java 1.8.0 is older than 17`. */
export function describeRejected(rejected: RejectedJava[]): string {
  return rejected.map((r) => `${r.source}${r.where ? ` ${r.where}` : ""}: ${r.reason}`).join("; ");
}
