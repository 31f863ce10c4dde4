import { describe, expect, it } from "vitest";
import { UnsavedChanges } from "./unsaved-changes";

describe("UnsavedChanges", () => {
  it("counts a change as not on the server from the edit until a later check is answered", () => {
    const changes = new UnsavedChanges();
    const a = changes.edited();
    expect(changes.state).toEqual({
      notOnServer: 1,
      notKeptLocally: 1,
      localCopyFailing: false,
      rejected: false,
    });
    changes.keptLocally(a);
    expect(changes.state).toEqual({
      notOnServer: 1,
      notKeptLocally: 0,
      localCopyFailing: false,
      rejected: false,
    });
    const seq = changes.checkSent();
    const b = changes.edited();
    // The answer proves only what was waiting when the check left.
    expect(changes.answered(seq, true)).toEqual([a]);
    expect(changes.state.notOnServer).toBe(1);
    expect(changes.needsCheck).toBe(true);
    expect(changes.answered(changes.checkSent(), true)).toEqual([b]);
    expect(changes.state).toEqual({
      notOnServer: 0,
      notKeptLocally: 0,
      localCopyFailing: false,
      rejected: false,
    });
  });

  it("covers changes again after a check was lost with its socket", () => {
    const changes = new UnsavedChanges();
    const a = changes.edited();
    const lost = changes.checkSent();
    expect(changes.needsCheck).toBe(false);
    changes.connectionLost();
    expect(changes.needsCheck).toBe(true);
    const next = changes.checkSent();
    expect(next).toBeGreaterThan(lost);
    expect(changes.answered(next, true)).toEqual([a]);
  });

  it("does not confirm changes by an answer to an older check than the one covering them", () => {
    const changes = new UnsavedChanges();
    const first = changes.checkSent();
    changes.edited();
    changes.checkSent();
    expect(changes.answered(first, true)).toEqual([]);
    expect(changes.state.notOnServer).toBe(1);
  });

  it("counts restored changes as kept but not on the server", () => {
    const changes = new UnsavedChanges();
    changes.restored();
    changes.restored();
    expect(changes.state).toEqual({
      notOnServer: 2,
      notKeptLocally: 0,
      localCopyFailing: false,
      rejected: false,
    });
  });

  it("counts a change whose local write failed as not kept", () => {
    const changes = new UnsavedChanges();
    const a = changes.edited();
    changes.notKept(a);
    changes.edited("failed");
    expect(changes.state).toEqual({
      notOnServer: 2,
      notKeptLocally: 2,
      localCopyFailing: true,
      rejected: false,
    });
  });

  it("marks waiting changes rejected when the server did not take them, until discarded", () => {
    const changes = new UnsavedChanges();
    changes.restored();
    expect(changes.answered(changes.checkSent(), false)).toEqual([]);
    expect(changes.state).toEqual({
      notOnServer: 1,
      notKeptLocally: 0,
      localCopyFailing: false,
      rejected: true,
    });
    changes.discard();
    expect(changes.state).toEqual({
      notOnServer: 0,
      notKeptLocally: 0,
      localCopyFailing: false,
      rejected: false,
    });
  });

  it("is not rejected by a refusal when nothing was waiting", () => {
    const changes = new UnsavedChanges();
    changes.answered(changes.checkSent(), false);
    expect(changes.state.rejected).toBe(false);
  });

  it("tells subscribers each change of state", () => {
    const changes = new UnsavedChanges();
    const seen: number[] = [];
    const stop = changes.subscribe((s) => seen.push(s.notOnServer));
    const a = changes.edited();
    changes.keptLocally(a);
    changes.answered(changes.checkSent(), true);
    stop();
    changes.edited();
    expect(seen).toEqual([1, 1, 0]);
  });
});
