/** What the status bar item shows: the server's state and the image look-ups in progress. */

export type ServerState =
  | { kind: "disabled" }
  | { kind: "starting" }
  | { kind: "running"; version?: string; java: string }
  | { kind: "restarting"; delayMs: number; crash: number }
  | { kind: "failed"; reason: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** Whether the item asks for attention (the error background). */
  error: boolean;
}

/** The status bar item for `state`, with `lookups` (image and platform) in progress. */
export function statusView(state: ServerState, lookups: readonly string[]): StatusView {
  switch (state.kind) {
    case "disabled":
      return {
        text: "$(circle-slash) dockerlint",
        tooltip: "dockerlint is turned off (dockerlint.enable)",
        error: false,
      };
    case "starting":
      return {
        text: "$(sync~spin) dockerlint",
        tooltip: "dockerlint: starting the language server",
        error: false,
      };
    case "running": {
      const server = `dockerlint ${state.version ?? ""}`.trim();
      if (lookups.length > 0) {
        const n = lookups.length;
        return {
          text: `$(sync~spin) dockerlint: ${n} image${n === 1 ? "" : "s"}`,
          tooltip: `${server}: looking up ${lookups.join(", ")}`,
          error: false,
        };
      }
      return { text: "$(check) dockerlint", tooltip: `${server} is running on ${state.java}`, error: false };
    }
    case "restarting":
      return {
        text: "$(warning) dockerlint",
        tooltip: `dockerlint: the language server stopped (crash ${state.crash}); restarting in ${Math.ceil(
          state.delayMs / 1000,
        )} s`,
        error: false,
      };
    case "failed":
      return { text: "$(error) dockerlint", tooltip: `dockerlint: ${state.reason}`, error: true };
  }
}
