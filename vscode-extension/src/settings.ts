/**
 * The extension's settings (`dockerlint.*` in VS Code) and what becomes of them: most are sent to
 * the server under the `dockerlint` key (initializationOptions and
 * workspace/didChangeConfiguration), a few choose how the server process is started.
 */

/** Reads one setting, e.g. `get("images.source")` for `dockerlint.images.source`. */
export type SettingsReader = (key: string) => unknown;

/** Exactly what the server reads under `dockerlint` (see the server's SettingsParser). */
export interface ServerSettings {
  rules?: Record<string, string | boolean>;
  ignore?: string[];
  platform?: string;
  buildArgs?: Record<string, string>;
  context?: string;
  images?: { source?: "auto" | "none"; offline?: boolean };
  format?: { keywordCase?: string; continuationIndent?: number; jsonArraySpaces?: boolean };
  diagnostics?: { debounceMs?: number };
  inlayHints?: { enabled?: boolean };
}

/** The image sources the server process can be started with (`--image-source`). */
export type ImageSource = "auto" | "docker" | "registry" | "none";

/** What the server process is started with; a change to any of it restarts the server. */
export interface LaunchSettings {
  /** `dockerlint.java.home` (empty: not set). */
  javaHome: string;
  /** `dockerlint.java.vmArgs`: JVM options before `-cp`. */
  vmArgs: string[];
  imageSource: ImageSource;
  offline: boolean;
  insecureRegistries: string[];
  /** `--image-files-max-bytes` (empty: the server's default). */
  imageFilesMaxBytes: string;
}

/** Settings the extension reads itself rather than sending to the server. */
export const EXTENSION_ONLY_KEYS = ["enable", "java.home", "java.vmArgs", "trace.server"] as const;

/** Settings that are only read when the server starts: changing them restarts it. */
export const RESTART_KEYS = [
  "enable",
  "java.home",
  "java.vmArgs",
  "images.source",
  "images.offline",
  "images.insecureRegistries",
  "images.filesMaxBytes",
] as const;

/** Every setting sent to the server, by its VS Code key (under `dockerlint.`). */
export const SERVER_KEYS = [
  "rules",
  "ignore",
  "platform",
  "buildArgs",
  "context",
  "images.source",
  "images.offline",
  "format.keywordCase",
  "format.continuationIndent",
  "format.jsonArraySpaces",
  "diagnostics.debounceMs",
  "inlayHints.enabled",
] as const;

/** Launch-only settings that the server never sees under `dockerlint`. */
export const LAUNCH_ONLY_KEYS = ["images.insecureRegistries", "images.filesMaxBytes"] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "").map((x) => x.trim())
    : [];
}

function imageSource(v: unknown): ImageSource {
  return v === "docker" || v === "registry" || v === "none" ? v : "auto";
}

/**
 * The `dockerlint` object for the server. Values are passed on as the user wrote them (the
 * server checks them and warns, naming the key, about a bad one), except that empty strings and
 * empty rule ids, which mean "not set" in VS Code's settings editor, are left out.
 * `images.source` is `none` or `auto`: which engine or registry `auto` means is a launch
 * option (`--image-source`).
 */
export function toServerSettings(get: SettingsReader): ServerSettings {
  const s: ServerSettings = {};
  const rules = get("rules");
  if (isObject(rules)) {
    const r: Record<string, string | boolean> = {};
    for (const [id, value] of Object.entries(rules)) {
      if (id.trim() !== "" && (typeof value === "string" || typeof value === "boolean")) {
        r[id.trim()] = value;
      }
    }
    s.rules = r;
  }
  const ignore = get("ignore");
  if (Array.isArray(ignore)) {
    s.ignore = stringList(ignore);
  }
  const platform = nonEmptyString(get("platform"));
  if (platform !== undefined) {
    s.platform = platform;
  }
  const buildArgs = get("buildArgs");
  if (isObject(buildArgs)) {
    const a: Record<string, string> = {};
    for (const [k, v] of Object.entries(buildArgs)) {
      if (k.trim() !== "" && (typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
        a[k] = String(v);
      }
    }
    s.buildArgs = a;
  }
  const context = nonEmptyString(get("context"));
  if (context !== undefined) {
    s.context = context;
  }
  s.images = { source: imageSource(get("images.source")) === "none" ? "none" : "auto" };
  const offline = get("images.offline");
  if (typeof offline === "boolean") {
    s.images.offline = offline;
  }
  const format: NonNullable<ServerSettings["format"]> = {};
  const keywordCase = nonEmptyString(get("format.keywordCase"));
  if (keywordCase !== undefined) {
    format.keywordCase = keywordCase;
  }
  const indent = get("format.continuationIndent");
  if (typeof indent === "number") {
    format.continuationIndent = indent;
  }
  const spaces = get("format.jsonArraySpaces");
  if (typeof spaces === "boolean") {
    format.jsonArraySpaces = spaces;
  }
  if (Object.keys(format).length > 0) {
    s.format = format;
  }
  const debounce = get("diagnostics.debounceMs");
  if (typeof debounce === "number") {
    s.diagnostics = { debounceMs: debounce };
  }
  const inlay = get("inlayHints.enabled");
  if (typeof inlay === "boolean") {
    s.inlayHints = { enabled: inlay };
  }
  return s;
}

/** The settings the server process is started with. */
export function toLaunchSettings(get: SettingsReader): LaunchSettings {
  return {
    javaHome: nonEmptyString(get("java.home")) ?? "",
    vmArgs: stringList(get("java.vmArgs")),
    imageSource: imageSource(get("images.source")),
    offline: get("images.offline") === true,
    insecureRegistries: stringList(get("images.insecureRegistries")),
    imageFilesMaxBytes: nonEmptyString(get("images.filesMaxBytes")) ?? "",
  };
}

/**
 * The command line that starts the server: `java [@optionsFile] [vmArgs] [moreVmArgs] -cp
 * dockerlint.jar dev.dockerlint.cli.Main lsp --stdio` and the image options (the main class named
 * rather than `-jar`: with an AppCDS archive the JVM then reaches main without reading the jar's
 * index first). `optionsFile` holds the server's own JVM
 * options (the launcher's `cli/src/main/jvm/lsp.options`, shipped as `server/lsp.options`); the
 * user's `vmArgs` come after it and win, except that vmArgs choosing a garbage collector or a heap
 * size leave the file out (see choosesMemory). `--offline` is given at launch as well as in the
 * settings, since the server chooses its image sources when it starts. `auto` is the server's
 * default and is not passed, so that `$DOCKERLINT_IMAGE_SOURCE` still counts.
 */
/** The server's main class in dockerlint.jar. */
export const MAIN_CLASS = "dev.dockerlint.cli.Main";

export function serverCommand(
  java: string,
  jar: string,
  launch: LaunchSettings,
  moreVmArgs: readonly string[] = [],
  optionsFile?: string,
): { command: string; args: string[] } {
  const own = optionsFile !== undefined && !choosesMemory(launch.vmArgs) ? [`@${optionsFile}`] : [];
  const args = [...own, ...launch.vmArgs, ...moreVmArgs, "-cp", jar, MAIN_CLASS, "lsp", "--stdio"];
  if (launch.imageSource !== "auto") {
    args.push("--image-source", launch.imageSource);
  }
  if (launch.offline) {
    args.push("--offline");
  }
  for (const r of launch.insecureRegistries) {
    args.push("--insecure-registry", r);
  }
  if (launch.imageFilesMaxBytes !== "") {
    args.push("--image-files-max-bytes", launch.imageFilesMaxBytes);
  }
  return { command: java, args };
}

/**
 * Whether JVM options choose a garbage collector (`-XX:+UseG1GC`) or a heap size (`-Xmx100m`): the
 * JVM refuses two collectors, and a maximum heap below the options file's initial one.
 */
function choosesMemory(vmArgs: readonly string[]): boolean {
  return vmArgs.some((a) =>
    /^(-XX:\+Use\w*GC$|-Xm[xsn]\d|-XX:(Max|Initial|Min)?HeapSize=|-XX:(Max)?NewSize=)/.test(a),
  );
}

/** Whether two launch settings start the same server. */
export function sameLaunch(a: LaunchSettings, b: LaunchSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
