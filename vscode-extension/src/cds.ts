import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The server's AppCDS archive: the JVM maps the classes the server needs, already parsed and
 * verified, instead of loading them from the jar, which shortens every start after the first.
 * The first start records the archive (`-XX:ArchiveClassesAtExit`, written when the server
 * exits); later starts map it (`-XX:SharedArchiveFile`). An archive belongs to one jar and one
 * Java: the file name carries a hash of both, so an update of either records a new one. The JVM
 * checks the archive too and quietly runs without it when it does not match, and the `-Xlog`
 * options keep the JVM from writing about it to standard output, which carries the protocol.
 */
export interface CdsPlan {
  /** JVM options, before `-cp`. */
  args: string[];
  /** The archive's path. */
  archive: string;
  /** True when this start records the archive, false when it maps it. */
  recording: boolean;
}

/** What identifies a file's content for the archive's name. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

export function stamp(file: string): FileStamp {
  const s = fs.statSync(file);
  return { path: file, size: s.size, mtimeMs: s.mtimeMs };
}

const QUIET = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"];

/**
 * The archive options for a start of `jar` with `java`, kept in `storage`; none when the user's
 * `vmArgs` already choose how classes are shared.
 */
export function cdsPlan(
  storage: string,
  jar: FileStamp,
  java: FileStamp & { version: string },
  vmArgs: readonly string[],
  exists: (file: string) => boolean = fs.existsSync,
): CdsPlan | undefined {
  if (vmArgs.some((a) => /^-Xshare:|^-XX:(SharedArchiveFile|ArchiveClassesAtExit)=/.test(a))) {
    return undefined;
  }
  const key = createHash("sha256")
    .update(
      JSON.stringify([jar.path, jar.size, jar.mtimeMs, java.path, java.size, java.mtimeMs, java.version]),
    )
    .digest("hex")
    .slice(0, 16);
  const archive = path.join(storage, `dockerlint-${key}.jsa`);
  return exists(archive)
    ? { args: [`-XX:SharedArchiveFile=${archive}`, "-Xshare:auto", ...QUIET], archive, recording: false }
    : { args: [`-XX:ArchiveClassesAtExit=${archive}`, ...QUIET], archive, recording: true };
}

/** Deletes the archives in `storage` other than `keep` (those of earlier jars or Javas). */
export function removeOtherArchives(storage: string, keep: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(storage);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(storage, name);
    if (/^dockerlint-[0-9a-f]{16}\.jsa$/.test(name) && file !== keep) {
      fs.rmSync(file, { force: true });
    }
  }
}
