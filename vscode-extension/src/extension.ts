import * as fs from "node:fs";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  type ClientCapabilities,
  type FeatureState,
  type LanguageClientOptions,
  type StaticFeature,
} from "vscode-languageclient/node";
import { cdsPlan, removeOtherArchives, stamp, type CdsPlan } from "./cds";
import { describeRejected, findJava, MIN_JAVA } from "./java";
import { RestartPolicy } from "./restart";
import {
  RESTART_KEYS,
  sameLaunch,
  serverCommand,
  toLaunchSettings,
  toServerSettings,
  type LaunchSettings,
} from "./settings";
import { statusView, type ServerState } from "./status";

const SECTION = "dockerlint";
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("dockerlint");
const EXPLAIN_COMMAND = "dockerlint.explain";
const IMAGE_LOOKUPS = "dockerlint/imageLookups";
const RULE_DOC_SCHEME = "dockerlint-rule";
const DOCUMENT_SELECTOR = [
  { language: "dockerfile", scheme: "file" },
  { language: "dockerfile", scheme: "untitled" },
];

function settingsReader(): (key: string) => unknown {
  const c = vscode.workspace.getConfiguration(SECTION);
  return (key) => c.get(key);
}

/** Asks the server for the `dockerlint/imageLookups` notification. */
const imageLookupsCapability: StaticFeature = {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.experimental = { ...(capabilities.experimental ?? {}), dockerlintImageLookups: true };
  },
  initialize(): void {},
  getState(): FeatureState {
    return { kind: "static" };
  },
  clear(): void {},
};

/** Rule pages from the server, shown as Markdown documents `dockerlint-rule:/DKL1304.md`. */
class RuleDocs implements vscode.TextDocumentContentProvider {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  put(id: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${id}.md` });
    this.pages.set(uri.path, markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.path) ?? "";
  }
}

/** Starts, restarts and stops the language server, and keeps the status bar item current. */
class ServerController {
  private client: LanguageClient | undefined;
  private generation = 0;
  private readonly crashHandled = new Set<number>();
  private readonly policy = new RestartPolicy();
  private restartTimer: NodeJS.Timeout | undefined;
  private state: ServerState = { kind: "starting" };
  private lookups: string[] = [];
  private launch: LaunchSettings | undefined;
  private cds: CdsPlan | undefined;
  private enabled = true;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly status: vscode.StatusBarItem,
  ) {}

  private log(message: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  private setState(state: ServerState): void {
    this.state = state;
    if (state.kind !== "running") {
      this.lookups = [];
    }
    this.render();
  }

  private render(): void {
    const v = statusView(this.state, this.lookups);
    this.status.text = v.text;
    this.status.tooltip = v.tooltip;
    this.status.backgroundColor = v.error
      ? new vscode.ThemeColor("statusBarItem.errorBackground")
      : undefined;
    this.status.show();
  }

  /** The running client, if any. */
  running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  async start(): Promise<void> {
    const gen = ++this.generation;
    const get = settingsReader();
    this.enabled = get("enable") !== false;
    const launch = toLaunchSettings(get);
    this.launch = launch;
    if (!this.enabled) {
      this.log("dockerlint.enable is false: the language server is not started");
      this.setState({ kind: "disabled" });
      return;
    }
    this.setState({ kind: "starting" });
    const java = await findJava({ javaHome: launch.javaHome, env: process.env, platform: process.platform });
    if (gen !== this.generation) {
      return;
    }
    if (java.found === undefined) {
      const checked = describeRejected(java.rejected);
      this.log(`no Java ${MIN_JAVA}+ found: ${checked}`);
      this.setState({ kind: "failed", reason: `no Java ${MIN_JAVA} or newer found (${checked})` });
      void this.notifyNoJava(checked);
      return;
    }
    if (java.rejected.length > 0) {
      this.log(`passed over: ${describeRejected(java.rejected)}`);
      if (java.rejected.some((r) => r.source === "dockerlint.java.home")) {
        void vscode.window.showWarningMessage(
          `dockerlint: dockerlint.java.home is not usable (${describeRejected(
            java.rejected.filter((r) => r.source === "dockerlint.java.home"),
          )}); using Java ${java.found.version} from ${java.found.source}.`,
        );
      }
    }
    const jar = this.context.asAbsolutePath("server/dockerlint.jar");
    if (!fs.existsSync(jar)) {
      this.log(`the server jar is missing: ${jar}`);
      this.setState({
        kind: "failed",
        reason: `the server jar is missing (${jar}); reinstall the extension`,
      });
      return;
    }
    const cds = this.cdsPlan(jar, java.found, launch);
    this.cds = cds;
    const jvmOptions = this.context.asAbsolutePath("server/lsp.options");
    if (!fs.existsSync(jvmOptions)) {
      this.log(`the server's JVM options are missing (${jvmOptions}); starting with the JVM's defaults`);
    }
    const { command, args } = serverCommand(
      java.found.executable,
      jar,
      launch,
      cds?.args ?? [],
      fs.existsSync(jvmOptions) ? jvmOptions : undefined,
    );
    this.log(`Java ${java.found.version} from ${java.found.source}: ${java.found.executable}`);
    this.log(`starting: ${[command, ...args].join(" ")}`);
    const options: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: SECTION,
      initializationOptions: { [SECTION]: toServerSettings(get) },
      errorHandler: {
        error: (_error, _message, count) => ({
          action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        }),
        closed: () => {
          this.crashed(gen, "the language server process ended");
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
      initializationFailedHandler: (error) => {
        this.log(`the language server failed to initialize: ${String(error)}`);
        return false;
      },
    };
    const client = new LanguageClient(
      SECTION,
      "dockerlint",
      { command, args, options: { env: process.env } },
      options,
    );
    client.registerFeature(imageLookupsCapability);
    client.onNotification(IMAGE_LOOKUPS, (p: { images?: unknown }) => {
      if (gen === this.generation) {
        this.lookups = Array.isArray(p?.images)
          ? p.images.filter((x): x is string => typeof x === "string")
          : [];
        this.render();
      }
    });
    this.client = client;
    try {
      await client.start();
    } catch (e) {
      this.log(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      this.crashed(gen, "the language server did not start");
      return;
    }
    if (gen !== this.generation) {
      return;
    }
    this.policy.started(Date.now());
    this.setState({
      kind: "running",
      version: client.initializeResult?.serverInfo?.version,
      java: `Java ${java.found.version}`,
    });
  }

  /** The AppCDS archive options for this start (see cds.ts); none when they cannot be set up. */
  private cdsPlan(
    jar: string,
    java: { executable: string; version: string },
    launch: LaunchSettings,
  ): CdsPlan | undefined {
    try {
      const storage = this.context.globalStorageUri.fsPath;
      fs.mkdirSync(storage, { recursive: true });
      const plan = cdsPlan(
        storage,
        stamp(jar),
        { ...stamp(java.executable), version: java.version },
        launch.vmArgs,
      );
      if (plan !== undefined) {
        removeOtherArchives(storage, plan.archive);
        this.log(
          plan.recording ? `recording the class archive ${plan.archive}` : `class archive: ${plan.archive}`,
        );
      }
      return plan;
    } catch (e) {
      this.log(`no class archive: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** The server of generation `gen` died or never started: restart it with back-off, or give up. */
  private crashed(gen: number, what: string): void {
    if (gen !== this.generation || this.crashHandled.has(gen)) {
      return;
    }
    this.crashHandled.add(gen);
    if (this.cds !== undefined && !this.cds.recording) {
      // should the archive be at fault, the next start records a new one
      fs.rmSync(this.cds.archive, { force: true });
    }
    // the client cleans itself up after a close it was told not to restart
    this.client = undefined;
    const d = this.policy.crashed(Date.now());
    if (d.restart) {
      this.log(`${what} (crash ${d.crash}); restarting in ${d.delayMs} ms`);
      this.setState({ kind: "restarting", delayMs: d.delayMs, crash: d.crash });
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        if (gen === this.generation) {
          void this.start();
        }
      }, d.delayMs);
    } else {
      this.log(`${what} (crash ${d.crash}); not restarting again`);
      this.setState({ kind: "failed", reason: `the language server stopped ${d.crash} times in a row` });
      void vscode.window
        .showErrorMessage(
          `dockerlint: the language server stopped ${d.crash} times in a row and is not restarted again. The output has the details.`,
          "Restart",
          "Show Output",
        )
        .then((choice) => {
          if (choice === "Restart") {
            void vscode.commands.executeCommand("dockerlint.restartServer");
          } else if (choice === "Show Output") {
            this.output.show(true);
          }
        });
    }
  }

  private async notifyNoJava(checked: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      `dockerlint needs Java ${MIN_JAVA} or newer to run its language server and found none (${checked}). ` +
        `Install a Java ${MIN_JAVA}+ runtime and set dockerlint.java.home to its folder (or put its bin folder on PATH), then restart the server.`,
      "Set dockerlint.java.home",
      "Get Java",
      "Show Output",
    );
    if (choice === "Set dockerlint.java.home") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "dockerlint.java.home");
    } else if (choice === "Get Java") {
      await vscode.env.openExternal(vscode.Uri.parse("https://adoptium.net/"));
    } else if (choice === "Show Output") {
      this.output.show(true);
    }
  }

  async stop(): Promise<void> {
    this.generation++;
    if (this.restartTimer) {
      clearTimeout(this.restartTimer);
      this.restartTimer = undefined;
    }
    const c = this.client;
    this.client = undefined;
    if (c) {
      try {
        if (c.state === State.Running) {
          await c.stop(5000);
        }
      } catch (e) {
        this.log(`stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
      }
      await c.dispose().catch(() => undefined);
    }
  }

  async restart(): Promise<void> {
    this.policy.reset();
    await this.stop();
    await this.start();
  }

  /** A `dockerlint.*` setting changed: tell the running server, or restart it when it must. */
  async configurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!e.affectsConfiguration(SECTION)) {
      return;
    }
    const get = settingsReader();
    const launch = toLaunchSettings(get);
    const enabled = get("enable") !== false;
    const mustRestart =
      RESTART_KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`)) &&
      (enabled !== this.enabled || this.launch === undefined || !sameLaunch(launch, this.launch));
    if (mustRestart) {
      this.log("a setting the server starts with changed: restarting it");
      await this.restart();
      return;
    }
    const c = this.running();
    if (c) {
      await c.sendNotification("workspace/didChangeConfiguration", {
        settings: { [SECTION]: toServerSettings(get) },
      });
    }
  }
}

function codesAt(editor: vscode.TextEditor): string[] {
  const pos = editor.selection.active;
  const codes = new Set<string>();
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== SECTION || !d.range.contains(pos)) {
      continue;
    }
    const code = typeof d.code === "object" ? d.code.value : d.code;
    if (code !== undefined) {
      codes.add(String(code));
    }
  }
  return [...codes];
}

async function ruleToExplain(arg: unknown): Promise<string | undefined> {
  if (typeof arg === "string" && arg.trim() !== "") {
    return arg.trim();
  }
  const editor = vscode.window.activeTextEditor;
  const here = editor ? codesAt(editor) : [];
  if (here.length === 1) {
    return here[0];
  }
  if (here.length > 1) {
    return vscode.window.showQuickPick(here, { placeHolder: "Which rule?" });
  }
  const typed = await vscode.window.showInputBox({
    prompt: "A rule code, name or alias",
    placeHolder: "DKL1304, missing-exec-bit, DL4000 ...",
  });
  return typed?.trim() || undefined;
}

let active: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("dockerlint");
  const status = vscode.window.createStatusBarItem("dockerlint.status", vscode.StatusBarAlignment.Right, 100);
  status.name = "dockerlint";
  status.command = "dockerlint.showOutput";
  const controller = new ServerController(context, output, status);
  active = controller;
  const docs = new RuleDocs();
  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, docs),
    vscode.workspace.onDidChangeConfiguration((e) => controller.configurationChanged(e)),
    vscode.commands.registerCommand("dockerlint.restartServer", () => controller.restart()),
    vscode.commands.registerCommand("dockerlint.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("dockerlint.fixAll", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== "dockerfile") {
        void vscode.window.showInformationMessage("dockerlint: open a Dockerfile to fix it.");
        return;
      }
      const doc = editor.document;
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          "vscode.executeCodeActionProvider",
          doc.uri,
          all,
          FIX_ALL_KIND.value,
        )) ?? [];
      const fix = actions.find((a) => a.kind !== undefined && FIX_ALL_KIND.contains(a.kind));
      if (!fix || (!fix.edit && !fix.command)) {
        void vscode.window.showInformationMessage("dockerlint: no safe fixes to apply.");
        return;
      }
      if (fix.edit) {
        await vscode.workspace.applyEdit(fix.edit);
      }
      if (fix.command) {
        await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      }
    }),
    vscode.commands.registerCommand("dockerlint.showRuleDocumentation", async (arg?: unknown) => {
      const id = await ruleToExplain(arg);
      if (!id) {
        return;
      }
      const client = controller.running();
      if (!client) {
        void vscode.window.showErrorMessage("dockerlint: the language server is not running.");
        return;
      }
      let page: unknown;
      try {
        page = await client.sendRequest(ExecuteCommandRequest.type, {
          command: EXPLAIN_COMMAND,
          arguments: [id],
        });
      } catch (e) {
        void vscode.window.showErrorMessage(`dockerlint: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      const uri = docs.put(id, typeof page === "string" ? page : JSON.stringify(page));
      try {
        await vscode.commands.executeCommand("markdown.showPreview", uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
    }),
  );
  await controller.start();
}

/** Shuts the server down (shutdown, exit) before VS Code ends the extension host. */
export async function deactivate(): Promise<void> {
  const c = active;
  active = undefined;
  await c?.stop();
}
