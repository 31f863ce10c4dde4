import { createHash } from "node:crypto";
import { $createParagraphNode, $createTextNode, $getRoot, $setSelection } from "lexical";
import * as prng from "lib0/prng";
import { afterAll, beforeAll, it } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { composeThemawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { nowIso } from "../../server/ids";
import { createLogger } from "../../server/logger";
import { $createLessonNode } from "../../shared/editor/lesson-node";
import type { Role } from "../../shared/roles";
import { collabClient } from "../helpers/collab-clients";
import { freePort, type ServerProcess, startServerProcess } from "../helpers/collab-process";
import {
  assertNoMarker,
  assertNoReadOnlyChange,
  assertSameJson,
  assertStoredBeforeRelayed,
  docDiff,
  editorJson,
  headlessJson,
  readStoredDocument,
  waitFor,
} from "../helpers/convergence-checks";
import {
  addMember,
  createDocument,
  createUser,
  createWorkspace,
  type FixtureUser,
} from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { $randomEdit, drawEdit } from "../helpers/random-lexical-edits";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

/**
 * Seeded random co-editing in the spirit of Yjs's applyRandomTests and TigerBeetle's VOPR: five real Lexical
 * editors of mixed roles on the real server process make random edits in rounds, go offline and come back, the
 * server is SIGKILLed once mid-run; at the end every writer, the stored document and a fresh client are identical,
 * and nothing a read-only socket sent is in them.
 *
 * Replay a seed: CONVERGENCE_SEED=<seed> npx vitest run tests/integration/collab-convergence.test.ts
 * (CONVERGENCE_STEPS=<n> changes the length of a run; the default is STEPS).
 *
 * A seed fixes every choice: who edits, what and where (positions are fractions of the text the client holds),
 * when clients go offline, when the server dies and each Y.Doc's clientID. Within a round the edits are made
 * synchronously, so no client sees another's edit of the same round; between rounds the run waits until every
 * online client holds exactly what the server relays, so each round starts from the same state in every replay.
 */

const FIXED_SEEDS = [1, 20260517, 424242];
const STEPS = Number(process.env.CONVERGENCE_STEPS ?? 400);
// CI runs the fixed seeds only, so a landing never depends on a draw; CONVERGENCE_RANDOM=1 adds a random one.
const seeds =
  process.env.CONVERGENCE_SEED !== undefined
    ? [Number(process.env.CONVERGENCE_SEED)]
    : process.env.CONVERGENCE_RANDOM === "1"
      ? [...FIXED_SEEDS, Math.floor(Math.random() * 2 ** 31)]
      : FIXED_SEEDS;

/** Read-only clients type this around their text; it must never reach a writer or the store. */
const MARKER = "§";
/** Chance, per round, that one client goes offline or comes back. */
const TOGGLE_CHANCE = 0.2;

interface Cast {
  documentId: string;
  themeIds: string[];
  members: Array<{ name: string; role: Role; user: FixtureUser }>;
  /** A viewer's session for the observer socket (a plain Y.Doc: what the server relays to everyone). */
  observer: FixtureUser;
  /** Another session of the observer's user, for the fresh client at the end. */
  freshCookie: string;
}

interface Peer {
  name: string;
  writes: boolean;
  doc: Y.Doc;
  client: LexicalClient;
  /** Whether the run wants this client connected (the provider's own flag also drops on a refusal). */
  online: boolean;
  closeCodes: number[];
  /** Set when the server closed the socket with a code the provider does not retry. */
  refused?: string;
  /** True while the run makes one of this client's own edits. */
  editing: boolean;
  /** Own edits Lexical threw on and dropped (as the browser editor does after logging): never sent, harmless. */
  rejectedEdits: string[];
  /** Lexical errors while applying what came from the server: the editor would no longer match its Y.Doc. */
  syncErrors: string[];
}

let storage: TestStorage | undefined;
const casts = new Map<number, Cast>();
const running: { servers: Set<ServerProcess>; clients: Set<{ destroy(): void }> } = {
  servers: new Set(),
  clients: new Set(),
};

beforeAll(async () => {
  storage = await createTestStorage();
  // Written before any server process starts, by an app of its own that is closed again.
  const setup = await composeThemawerk(
    loadConfig({
      DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl,
      DEMO: "0",
      LOG_LEVEL: "silent",
    }),
    createLogger("silent"),
  );
  try {
    for (const seed of seeds) casts.set(seed, await castFor(setup, seed));
  } finally {
    await setup.close();
  }
});

afterAll(async () => {
  for (const client of running.clients) client.destroy();
  for (const server of running.servers) await server.stop("SIGKILL");
  await storage?.cleanup();
});

for (const seed of seeds) {
  it(`converges under random edits, disconnects and a SIGKILL (seed ${seed})`, async () => {
    const cast = casts.get(seed);
    if (!storage || !cast) throw new Error("set-up did not run");
    const trace: string[] = [];
    try {
      await runSeed(seed, storage, cast, trace);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `seed ${seed} failed: ${message}\n` +
          `replay: CONVERGENCE_SEED=${seed} npx vitest run tests/integration/collab-convergence.test.ts\n` +
          `last steps:\n  ${trace.slice(-40).join("\n  ")}`,
        { cause: error },
      );
    }
  }, 90_000);
}

/** Users of every role (each with its own session), a workspace with themes and a document with some text. */
async function castFor(setup: Awaited<ReturnType<typeof composeThemawerk>>, seed: number): Promise<Cast> {
  const facilitator = await createUser(setup, `Fien ${seed}`);
  const workspaceId = await createWorkspace(setup, facilitator, `Convergentie ${seed}`);
  const members: Cast["members"] = [{ name: "facilitator", role: "facilitator", user: facilitator }];
  for (const [name, role] of [
    ["editorA", "editor"],
    ["editorB", "editor"],
    ["commenter", "commenter"],
    ["viewer", "viewer"],
  ] as const) {
    const user = await createUser(setup, `${name} ${seed}`);
    await addMember(setup, workspaceId, user, role);
    members.push({ name, role, user });
  }
  const observer = await createUser(setup, `Observer ${seed}`);
  await addMember(setup, workspaceId, observer, "viewer");
  const fresh = await setup.deps.sessions.create(observer.id);
  const themeIds: string[] = [];
  for (const [position, name] of ["Personeel", "Planning", "Inspraak"].entries()) {
    // Fixed per seed, so a replay's content is byte for byte the same (lesson ids aside).
    const id = `th${seed}n${position}`;
    await setup.database.db
      .insertInto("themes")
      .values({
        id,
        workspace_id: workspaceId,
        name,
        description: "",
        position,
        archived_at: null,
        merged_into_id: null,
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    themeIds.push(id);
  }
  const documentId = await createDocument(setup, workspaceId, facilitator, `Convergentie ${seed}`);
  const founding = encodeDocumentUpdate(() => {
    const lesson = $createLessonNode("pitfall", [themeIds[0]], `lseed${seed}`);
    lesson.append($createTextNode("Begin op tijd met inspraak."));
    $getRoot()
      .clear()
      .append(
        $createParagraphNode().append($createTextNode("Het kader van de wijkaanpak.")),
        lesson,
        $createParagraphNode().append($createTextNode("Evaluatie volgt.")),
      );
  });
  await setup.collab.applyServerUpdate(documentId, founding, facilitator.id);
  return {
    documentId,
    themeIds,
    members,
    observer,
    freshCookie: `${SESSION_COOKIE}=${fresh.token}`,
  };
}

async function runSeed(seed: number, storage: TestStorage, cast: Cast, trace: string[]): Promise<void> {
  const started = performance.now();
  const gen = prng.create(seed);
  const port = await freePort();
  let server = await startServer(storage, port);
  const usedClientIds = new Set<number>();
  const nextClientId = () => {
    let id: number;
    do id = prng.uint32(gen, 1, 2 ** 32 - 1);
    while (usedClientIds.has(id));
    usedClientIds.add(id);
    return id;
  };

  // What the server relays to everyone: a read-only socket on a plain Y.Doc that never edits.
  const observerDoc = new Y.Doc();
  observerDoc.clientID = nextClientId();
  const observer = collabClient(server.url, cast.documentId, {
    cookie: cast.observer.cookie,
    doc: observerDoc,
  });
  running.clients.add(observer);
  await observer.synced();

  // Every update a writer makes itself, merged: what the writers, the store and a fresh client must end up with.
  const reference = new Y.Doc();
  Y.applyUpdate(reference, Y.encodeStateAsUpdate(observerDoc));

  const peers: Peer[] = [];
  for (const member of cast.members) {
    const doc = new Y.Doc();
    doc.clientID = nextClientId();
    const writes = member.role === "facilitator" || member.role === "editor";
    if (writes) {
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (!(origin instanceof WebsocketProvider)) Y.applyUpdate(reference, update);
      });
    }
    const errors = { editing: false, rejectedEdits: [] as string[], syncErrors: [] as string[] };
    const client = await lexicalClient(server.url, cast.documentId, member.user.cookie, {
      doc,
      onError: (error) =>
        peer.editing
          ? peer.rejectedEdits.push(error.message)
          : peer.syncErrors.push(error.stack ?? error.message),
    });
    running.clients.add(client);
    const peer: Peer = { name: member.name, writes, doc, client, online: true, closeCodes: [], ...errors };
    client.collab.provider.on("connection-close", (event) => {
      if (event) peer.closeCodes.push(event.code);
    });
    client.collab.provider.on("closed", ({ code, reason }) => {
      peer.refused = `${code} ${reason}`;
    });
    peers.push(peer);
  }
  const readOnlyIds = new Set(peers.filter((p) => !p.writes).map((p) => p.doc.clientID));
  const killAt = Math.floor(STEPS * (0.3 + 0.4 * prng.real53(gen)));
  const finalSignal: NodeJS.Signals = prng.bool(gen) ? "SIGKILL" : "SIGTERM";
  trace.push(
    `clients ${peers.map((p) => `${p.name}=${p.doc.clientID}`).join(" ")}; SIGKILL after step ${killAt}`,
  );

  /** Waits until every online client holds exactly what the server relays (read-only ones: at least that). */
  const settle = async (where: string) => {
    await waitFor(where, () => {
      for (const p of peers) {
        if (p.refused) throw new Error(`${p.name} was refused by the server (${p.refused}) ${where}`);
        if (p.syncErrors.length > 0)
          throw new Error(
            `${p.name}'s editor failed to apply remote changes ${where}: ${p.syncErrors.join("; ")}`,
          );
      }
      if (!observer.provider.synced) return "observer not synced";
      const relayed = Y.snapshot(observerDoc);
      const relayedUpdate = Y.encodeStateAsUpdate(observerDoc);
      for (const p of peers) {
        if (!p.online) continue;
        const provider = p.client.collab.provider;
        if (!provider.wsconnected || !provider.synced) return `${p.name} not synced`;
        const caughtUp = p.writes
          ? Y.equalSnapshots(Y.snapshot(p.doc), relayed)
          : Y.snapshotContainsUpdate(Y.snapshot(p.doc), relayedUpdate);
        if (!caughtUp) return `${p.name} differs from what the server relays`;
      }
      return true;
    });
    // Checked on every round, so a leak is caught at the step that caused it.
    assertNoReadOnlyChange(where, observerDoc, readOnlyIds);
    for (const p of peers) if (p.writes) assertNoMarker(`${p.name} ${where}`, p.client, MARKER);
  };

  let step = 0;
  let killed = false;
  while (step < STEPS) {
    const roundSize = prng.int32(gen, 1, 8);
    for (let k = 0; k < roundSize && step < STEPS; k++, step++) {
      const peer = prng.oneOf(gen, peers);
      const draws = drawEdit(gen);
      const text = peer.writes ? draws.word : `${MARKER}${peer.name}${step}${MARKER}`;
      let did = "";
      const rejectedBefore = peer.rejectedEdits.length;
      peer.editing = true;
      peer.client.editor.update(
        () => {
          const edit = $randomEdit(draws, { text, themeIds: cast.themeIds, maxChars: 1500 });
          did = edit.description;
          edit.apply();
          // The caret leaves the editor after each edit. With a caret kept, @lexical/yjs 0.52 now and then throws
          // while restoring it after a remote change ("PointType.set: node with key … is [not found]") and drops
          // that change from the editor: a client-side bug of its own, which would hide what this test checks.
          $setSelection(null);
        },
        { discrete: true },
      );
      peer.editing = false;
      const rejected =
        peer.rejectedEdits.length > rejectedBefore
          ? ` — rejected by Lexical: ${peer.rejectedEdits.at(-1)}`
          : "";
      trace.push(`${step} ${peer.name}${peer.online ? "" : " (offline)"}: ${did}${rejected}`);
    }
    if (!killed && step >= killAt) {
      killed = true;
      // A few turns of the event loop, so the server dies while it stores and relays this round.
      const turns = prng.int32(gen, 0, 4);
      for (let t = 0; t < turns; t++) await new Promise((r) => setImmediate(r));
      trace.push(`${step} SIGKILL the server after ${turns} event-loop turns`);
      server.child.kill("SIGKILL");
      await server.exited;
      running.servers.delete(server);
      // Once the observer's socket is closed, everything the dead server sent has arrived.
      await waitFor(
        "the observer noticing the crash",
        () => !observer.provider.wsconnected || "still connected",
      );
      await assertStoredBeforeRelayed(storage, cast.documentId, observerDoc, peers);
      server = await startServer(storage, port);
      trace.push(`${step} server restarted`);
    }
    await settle(`after step ${step}`);
    // Connections change only between rounds and once all sent has arrived, so a replay starts each round alike.
    if (prng.real53(gen) < TOGGLE_CHANCE) {
      const peer = prng.oneOf(gen, peers);
      const provider = peer.client.collab.provider;
      peer.online = !peer.online;
      if (peer.online) provider.connect();
      else provider.disconnect();
      trace.push(`${step} ${peer.name} goes ${peer.online ? "online" : "offline"}`);
    }
  }

  for (const p of peers) {
    if (!p.online) {
      p.online = true;
      p.client.collab.provider.connect();
    }
  }
  await settle("at the end");
  const writers = peers.filter((p) => p.writes);
  const expected = Y.snapshot(reference);
  const expectedJson = editorJson(writers[0].client);
  for (const w of writers) {
    if (!Y.equalSnapshots(Y.snapshot(w.doc), expected))
      throw new Error(
        `${w.name}'s Y.Doc is not the merge of the writers' own updates: ${docDiff(w.doc, reference)}`,
      );
    assertSameJson(`${w.name}'s Lexical state`, editorJson(w.client), expectedJson);
    assertNoReadOnlyChange(`${w.name} at the end`, w.doc, readOnlyIds);
  }
  const size = Y.encodeStateAsUpdate(reference).length;
  // Lesson ids come from crypto.getRandomValues (the app's lesson command), so they are left out.
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(expectedJson, (key, value) => (key === "lessonId" ? undefined : value)))
    .digest("hex")
    .slice(0, 12);

  for (const p of peers) {
    p.client.destroy();
    running.clients.delete(p.client);
  }
  observer.destroy();
  running.clients.delete(observer);
  await server.stop(finalSignal);
  running.servers.delete(server);

  // The stored document, read straight from the database with no server running.
  const stored = await readStoredDocument(storage, cast.documentId);
  if (!Y.equalSnapshots(Y.snapshot(stored), expected))
    throw new Error(`the stored document differs after ${finalSignal}: ${docDiff(stored, reference)}`);
  assertSameJson("the stored document's Lexical state", headlessJson(stored), expectedJson);

  // A fresh client of a new server process on the same data: first what the server sends, as a plain Y.Doc …
  server = await startServer(storage, port);
  const freshReader = collabClient(server.url, cast.documentId, { cookie: cast.freshCookie });
  running.clients.add(freshReader);
  await freshReader.synced();
  if (!Y.equalSnapshots(Y.snapshot(freshReader.doc), expected))
    throw new Error(`a fresh client received a different Y.Doc: ${docDiff(freshReader.doc, reference)}`);
  freshReader.destroy();
  running.clients.delete(freshReader);
  // … then a fresh editor on it. @lexical/yjs may delete text it cannot place (left behind by concurrent edits,
  // shown by no writer either) while opening; that is counted, the Lexical state must be the writers'.
  const freshDoc = new Y.Doc();
  let freshOwnWrites = 0;
  freshDoc.on("update", (_update: Uint8Array, origin: unknown) => {
    if (!(origin instanceof WebsocketProvider)) freshOwnWrites++;
  });
  const fresh = await lexicalClient(server.url, cast.documentId, cast.freshCookie, { doc: freshDoc });
  running.clients.add(fresh);
  assertSameJson("a fresh client's Lexical state", editorJson(fresh), expectedJson);
  fresh.destroy();
  running.clients.delete(fresh);
  await server.stop("SIGTERM");
  running.servers.delete(server);

  const closes = peers.map((p) => `${p.name} ${p.closeCodes.join(",") || "-"}`).join("; ");
  const rejected = new Set(peers.flatMap((p) => p.rejectedEdits));
  const rejectedCount = peers.reduce((n, p) => n + p.rejectedEdits.length, 0);
  console.log(
    `seed ${seed}: ${STEPS} steps, ${size} bytes, content ${fingerprint}, final stop ${finalSignal}, ${Math.round(performance.now() - started)} ms; ` +
      `closes: ${closes}; fresh editor's own writes on opening: ${freshOwnWrites}; edits Lexical rejected: ${rejectedCount}${rejected.size ? ` (${Array.from(rejected).join("; ")})` : ""}`,
  );
}

async function startServer(storage: TestStorage, port: number): Promise<ServerProcess> {
  const server = await startServerProcess(storage, { port });
  running.servers.add(server);
  return server;
}
