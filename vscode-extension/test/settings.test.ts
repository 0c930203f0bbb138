import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  EXTENSION_ONLY_KEYS,
  LAUNCH_ONLY_KEYS,
  RESTART_KEYS,
  sameLaunch,
  SERVER_KEYS,
  serverCommand,
  toLaunchSettings,
  toServerSettings,
} from "../src/settings";

const extensionDir = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
const contributed: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;

/** The settings as VS Code gives them with nothing set: the defaults of package.json. */
function defaults(overrides: Record<string, unknown> = {}): (key: string) => unknown {
  return (key) => (key in overrides ? overrides[key] : contributed[`dockerlint.${key}`]?.default);
}

describe("toServerSettings", () => {
  it("sends the defaults as the server's own defaults, leaving out empty strings", () => {
    assert.deepEqual(toServerSettings(defaults()), {
      rules: {},
      ignore: [],
      buildArgs: {},
      images: { source: "auto", offline: false },
      format: { keywordCase: "upper", continuationIndent: 4, jsonArraySpaces: false },
      diagnostics: { debounceMs: 0 },
      inlayHints: { enabled: true },
    });
  });

  it("maps every server setting to its key in the dockerlint object", () => {
    const s = toServerSettings(
      defaults({
        rules: { DKL4000: "off", DL3006: "error", "missing-exec-bit": true },
        ignore: ["maintainer-deprecated"],
        platform: "linux/arm64",
        buildArgs: { VERSION: "1.2", N: 3 },
        context: "..",
        "images.source": "none",
        "images.offline": true,
        "format.keywordCase": "lower",
        "format.continuationIndent": 2,
        "format.jsonArraySpaces": true,
        "diagnostics.debounceMs": 250,
        "inlayHints.enabled": false,
      }),
    );
    assert.deepEqual(s, {
      rules: { DKL4000: "off", DL3006: "error", "missing-exec-bit": true },
      ignore: ["maintainer-deprecated"],
      platform: "linux/arm64",
      buildArgs: { VERSION: "1.2", N: "3" },
      context: "..",
      images: { source: "none", offline: true },
      format: { keywordCase: "lower", continuationIndent: 2, jsonArraySpaces: true },
      diagnostics: { debounceMs: 250 },
      inlayHints: { enabled: false },
    });
  });

  it("tells the server auto for the docker and registry sources, which are launch options", () => {
    assert.equal(toServerSettings(defaults({ "images.source": "docker" })).images?.source, "auto");
    assert.equal(toServerSettings(defaults({ "images.source": "registry" })).images?.source, "auto");
  });

  it("drops rule entries with an empty id or a value of no rule setting type", () => {
    const s = toServerSettings(defaults({ rules: { "": "off", " DKL4000 ": "error", DKL1001: 3 } }));
    assert.deepEqual(s.rules, { DKL4000: "error" });
  });

  it("passes a misspelt severity on, so that the server warns naming the key", () => {
    assert.deepEqual(toServerSettings(defaults({ rules: { DKL4000: "erorr" } })).rules, { DKL4000: "erorr" });
  });

  it("never sends the extension's own settings", () => {
    const s = toServerSettings(
      defaults({ enable: false, "java.home": "/opt/jdk", "trace.server": "verbose" }),
    ) as Record<string, unknown>;
    for (const k of ["enable", "java", "trace"]) {
      assert.equal(k in s, false, k);
    }
  });

  it("sends only top-level keys the server's settings parser knows", () => {
    const parser = readFileSync(
      join(extensionDir, "..", "lsp-server/src/main/java/dev/dockerlint/lsp/settings/SettingsParser.java"),
      "utf8",
    );
    const known = /KNOWN\s*=\s*Set\.of\(([^)]*)\)/.exec(parser);
    assert.ok(known, "the KNOWN set in SettingsParser.java");
    const names = [...known[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const full = toServerSettings(defaults({ platform: "linux/amd64", context: "." }));
    assert.deepEqual(Object.keys(full).sort(), [...names].sort());
    for (const key of SERVER_KEYS.filter((k) => k.includes("."))) {
      assert.ok(parser.includes(`"${key}"`), `SettingsParser reads ${key}`);
    }
  });
});

describe("the contributed configuration", () => {
  it("has a setting for every key the extension reads, and reads every setting it has", () => {
    const read = new Set<string>([...SERVER_KEYS, ...EXTENSION_ONLY_KEYS, ...LAUNCH_ONLY_KEYS]);
    const declared = new Set(Object.keys(contributed).map((k) => k.replace(/^dockerlint\./, "")));
    assert.deepEqual([...declared].sort(), [...read].sort());
    for (const k of RESTART_KEYS) {
      assert.ok(declared.has(k), k);
    }
  });

  it("describes every setting", () => {
    for (const [k, v] of Object.entries(contributed)) {
      assert.ok((v as { markdownDescription?: string }).markdownDescription, k);
    }
  });
});

describe("serverCommand", () => {
  it("puts the server's JVM options file first, before the user's vmArgs", () => {
    const launch = toLaunchSettings(defaults({ "java.vmArgs": ["-Xss2m"] }));
    assert.deepEqual(
      serverCommand("java", "d.jar", launch, ["-Xshare:auto"], "/ext/server/lsp.options").args,
      [
        "@/ext/server/lsp.options",
        "-Xss2m",
        "-Xshare:auto",
        "-cp",
        "d.jar",
        "dev.dockerlint.cli.Main",
        "lsp",
        "--stdio",
      ],
    );
  });

  it("leaves the JVM options file out when the vmArgs choose a garbage collector or a heap size", () => {
    for (const vmArg of ["-XX:+UseG1GC", "-Xmx100m", "-Xms1g", "-Xmn32m", "-XX:MaxHeapSize=100m"]) {
      const launch = toLaunchSettings(defaults({ "java.vmArgs": ["-Xss2m", vmArg] }));
      assert.deepEqual(serverCommand("java", "d.jar", launch, [], "/ext/server/lsp.options").args, [
        "-Xss2m",
        vmArg,
        "-cp",
        "d.jar",
        "dev.dockerlint.cli.Main",
        "lsp",
        "--stdio",
      ]);
    }
  });

  it("starts the jar's lsp subcommand on standard input and output", () => {
    assert.deepEqual(
      serverCommand("/jdk/bin/java", "/ext/server/dockerlint.jar", toLaunchSettings(defaults())),
      {
        command: "/jdk/bin/java",
        args: ["-cp", "/ext/server/dockerlint.jar", "dev.dockerlint.cli.Main", "lsp", "--stdio"],
      },
    );
  });

  it("puts JVM options before -cp and image options after the subcommand", () => {
    const launch = toLaunchSettings(
      defaults({
        "java.vmArgs": ["-Xmx256m", " ", "-XX:+UseSerialGC"],
        "images.source": "registry",
        "images.offline": true,
        "images.insecureRegistries": ["localhost:5000", "registry.internal"],
        "images.filesMaxBytes": "500M",
      }),
    );
    assert.deepEqual(serverCommand("java", "d.jar", launch).args, [
      "-Xmx256m",
      "-XX:+UseSerialGC",
      "-cp",
      "d.jar",
      "dev.dockerlint.cli.Main",
      "lsp",
      "--stdio",
      "--image-source",
      "registry",
      "--offline",
      "--insecure-registry",
      "localhost:5000",
      "--insecure-registry",
      "registry.internal",
      "--image-files-max-bytes",
      "500M",
    ]);
  });

  it("passes an unknown image source as auto, the server's default", () => {
    assert.equal(toLaunchSettings(defaults({ "images.source": "podman" })).imageSource, "auto");
  });
});

describe("sameLaunch", () => {
  it("is true for equal launch settings and false when one changes", () => {
    const a = toLaunchSettings(defaults());
    assert.equal(sameLaunch(a, toLaunchSettings(defaults())), true);
    assert.equal(sameLaunch(a, toLaunchSettings(defaults({ "images.offline": true }))), false);
    assert.equal(sameLaunch(a, toLaunchSettings(defaults({ "java.home": "/opt/jdk" }))), false);
  });
});
