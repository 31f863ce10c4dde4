import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { encodeSaveCheck } from "../../shared/collab-messages";
import { TokenBucket } from "./limits";
import {
  awarenessClientIds,
  encodeAwareness,
  encodeKeepAlive,
  encodeSyncStep1,
  encodeUpdate,
  MalformedFrameError,
  parseClientFrame,
} from "./protocol";

describe("parseClientFrame", () => {
  it("reads the frames the y-websocket client sends", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hallo");
    expect(parseClientFrame(encodeSyncStep1(doc)).kind).toBe("syncStep1");
    const update = Y.encodeStateAsUpdate(doc);
    const parsed = parseClientFrame(encodeUpdate(update));
    expect(parsed).toEqual({ kind: "update", update });
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: "Fien" } });
    const frame = parseClientFrame(encodeAwareness(awareness));
    expect(frame.kind).toBe("awareness");
    if (frame.kind === "awareness") expect(awarenessClientIds(frame.update)).toEqual([doc.clientID]);
    expect(parseClientFrame(Uint8Array.from([3]))).toEqual({ kind: "queryAwareness" });
    expect(parseClientFrame(encodeSaveCheck(300))).toEqual({ kind: "saveCheck", seq: 300 });
    awareness.destroy();
  });

  it("sends a keep-alive the awareness protocol reads as naming nobody", () => {
    const frame = parseClientFrame(encodeKeepAlive());
    expect(frame.kind).toBe("awareness");
    if (frame.kind === "awareness") expect(awarenessClientIds(frame.update)).toEqual([]);
  });

  it.each([
    ["empty", []],
    ["truncated varint", [0xff, 0xff]],
    ["unknown message type", [9]],
    ["auth from a client", [2, 0]],
    ["unknown sync step", [0, 7, 0]],
    ["payload longer than the frame", [0, 2, 10, 1]],
    ["trailing bytes", [3, 0]],
    ["save check without its number", [100]],
    ["save check with trailing bytes", [100, 1, 1]],
    ["state vector with a huge count", [0, 0, 2, 0xff, 0x7f]],
  ])("refuses %s", (_name, bytes) => {
    expect(() => parseClientFrame(Uint8Array.from(bytes))).toThrow(MalformedFrameError);
  });

  it("refuses awareness whose state is not JSON", () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 42);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, "{niet json");
    expect(() => awarenessClientIds(encoding.toUint8Array(e))).toThrow(MalformedFrameError);
  });
});

describe("TokenBucket", () => {
  it("allows a burst, then refuses until tokens refill", async () => {
    const bucket = new TokenBucket(100, 5);
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(bucket.take()).toBe(true);
  });
});
