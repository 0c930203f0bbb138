import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { statusView } from "../src/status";

describe("statusView", () => {
  it("shows a running server with its version and Java", () => {
    const v = statusView({ kind: "running", version: "0.1.0", java: "Java 17.0.15" }, []);
    assert.equal(v.text, "$(check) dockerlint");
    assert.equal(v.tooltip, "dockerlint 0.1.0 is running on Java 17.0.15");
    assert.equal(v.error, false);
  });

  it("counts the image look-ups in progress and names them", () => {
    const v = statusView({ kind: "running", java: "Java 21" }, [
      "alpine:3.20 linux/amd64",
      "debian:12 linux/amd64",
    ]);
    assert.equal(v.text, "$(sync~spin) dockerlint: 2 images");
    assert.equal(v.tooltip, "dockerlint: looking up alpine:3.20 linux/amd64, debian:12 linux/amd64");
  });

  it("says when the server restarts", () => {
    const v = statusView({ kind: "restarting", delayMs: 1500, crash: 2 }, []);
    assert.match(v.tooltip, /crash 2\); restarting in 2 s/);
  });

  it("asks for attention when the server cannot run", () => {
    const v = statusView({ kind: "failed", reason: "no Java 17 or newer found" }, []);
    assert.equal(v.text, "$(error) dockerlint");
    assert.equal(v.error, true);
  });
});
