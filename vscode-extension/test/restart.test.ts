import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RestartPolicy } from "../src/restart";

const options = { initialDelayMs: 1000, maxDelayMs: 8000, maxCrashes: 5, healthyAfterMs: 60000 };

describe("RestartPolicy", () => {
  it("restarts after doubling delays, capped", () => {
    const p = new RestartPolicy(options);
    const delays: number[] = [];
    let now = 0;
    for (let i = 0; i < 5; i++) {
      p.started(now);
      now += 10;
      const d = p.crashed(now);
      assert.ok(d.restart);
      delays.push(d.delayMs);
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 8000]);
  });

  it("gives up after the last allowed crash in a row", () => {
    const p = new RestartPolicy(options);
    for (let i = 1; i <= 5; i++) {
      assert.equal(p.crashed(i).restart, true);
    }
    assert.deepEqual(p.crashed(6), { restart: false, crash: 6 });
  });

  it("starts over after a server that ran long enough", () => {
    const p = new RestartPolicy(options);
    p.started(0);
    p.crashed(100);
    p.started(1100);
    p.crashed(1200);
    p.started(2000);
    const d = p.crashed(2000 + 60000);
    assert.deepEqual(d, { restart: true, delayMs: 1000, crash: 1 });
  });

  it("counts a crash before the server ever started", () => {
    const p = new RestartPolicy(options);
    assert.deepEqual(p.crashed(0), { restart: true, delayMs: 1000, crash: 1 });
    assert.deepEqual(p.crashed(10), { restart: true, delayMs: 2000, crash: 2 });
  });

  it("forgets the crashes when the user restarts", () => {
    const p = new RestartPolicy(options);
    for (let i = 0; i < 6; i++) {
      p.crashed(i);
    }
    p.reset();
    assert.deepEqual(p.crashed(10), { restart: true, delayMs: 1000, crash: 1 });
  });
});
