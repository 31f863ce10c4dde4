import { $createHeadingNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeDocumentUpdate } from "./initial-state";
import { extractDocumentText } from "./text-extraction";
import { TextExtractionError } from "./text-extractor";
import { WorkerTextExtractor } from "./worker-text-extractor";

const extractors: WorkerTextExtractor[] = [];
afterEach(async () => {
  for (const extractor of extractors.splice(0)) await extractor.close();
});

function extractor(options: ConstructorParameters<typeof WorkerTextExtractor>[0] = {}): WorkerTextExtractor {
  const created = new WorkerTextExtractor(options);
  extractors.push(created);
  return created;
}

function documentOf(title: string, ...paragraphs: string[]): Uint8Array {
  return encodeDocumentUpdate(() => {
    $getRoot()
      .clear()
      .append(
        $createHeadingNode("h1").append($createTextNode(title)),
        ...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p))),
      );
  });
}

/** A document of `count` paragraphs: enough work that a tight timeout cuts it off. */
function longDocument(count: number): Uint8Array {
  return documentOf(
    "Lang",
    ...Array.from({ length: count }, (_, i) => `Alinea ${i} over de regiefunctie en het lokale aanbod.`),
  );
}

/**
 * A document of `count` paragraphs written straight as @lexical/yjs stores them (quicker than an
 * editor for this many): read into Lexical and serialised, it needs a few hundred MB.
 */
function manyParagraphs(count: number): Uint8Array {
  const doc = new Y.Doc();
  const root = doc.get("root", Y.XmlText);
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const paragraph = new Y.XmlText();
      root.insertEmbed(i, paragraph);
      paragraph.setAttribute("__type", "paragraph");
      const leaf = new Y.Map<unknown>();
      paragraph.insertEmbed(0, leaf);
      for (const [key, value] of Object.entries({ __type: "text", __format: 0, __style: "", __mode: 0, __detail: 0 }))
        leaf.set(key, value);
      paragraph.insert(1, `Alinea ${i} over de regiefunctie.`);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

describe("WorkerTextExtractor", () => {
  it("reads a document on its worker exactly as the extraction does in this thread", async () => {
    const state = documentOf("Dienstenwijzer", "Eerste alinea.", "Tweede alinea.");
    const read = await extractor().extract(state);
    expect(read).toEqual(extractDocumentText(state));
    expect(read.title).toBe("Dienstenwijzer");
  });

  it("answers jobs in the order they came, also many at once", async () => {
    const worker = extractor();
    const titles = Array.from({ length: 20 }, (_, i) => `Document ${i}`);
    const reads = await Promise.all(titles.map((title) => worker.extract(documentOf(title, "tekst"))));
    expect(reads.map((r) => r.title)).toEqual(titles);
  });

  it("rejects a job that is not a document, and goes on with the next", async () => {
    const worker = extractor();
    await expect(worker.extract(new Uint8Array([0xff, 0xff, 0xff]))).rejects.toMatchObject({ reason: "failed" });
    expect((await worker.extract(documentOf("Daarna"))).title).toBe("Daarna");
  });

  it("abandons a job past its timeout, restarts its worker, and reads the next", async () => {
    const worker = extractor({ timeoutMs: 1 });
    const slow = worker.extract(longDocument(3_000));
    await expect(slow).rejects.toBeInstanceOf(TextExtractionError);
    await expect(slow).rejects.toMatchObject({ reason: "timeout" });
    const generous = extractor({ timeoutMs: 30_000 });
    expect((await generous.extract(documentOf("Na de time-out"))).title).toBe("Na de time-out");
  });

  it("survives a worker that runs out of memory: the job is rejected, the next one gets a new worker", async () => {
    const worker = extractor({ resourceLimits: { maxOldGenerationSizeMb: 48 } });
    // Started and ready: the limit leaves room for the worker itself, not for this document.
    expect((await worker.extract(documentOf("Eerst"))).title).toBe("Eerst");
    await expect(worker.extract(manyParagraphs(60_000))).rejects.toMatchObject({
      reason: "crashed",
    });
    expect((await worker.extract(documentOf("Klein"))).title).toBe("Klein");
  }, 30_000);

  it("rejects what still waits when it closes, and every job after", async () => {
    const worker = new WorkerTextExtractor();
    const outcomes = [worker.extract(longDocument(500)), worker.extract(documentOf("Wacht"))].map((job) =>
      job.then(
        () => "read",
        (error: TextExtractionError) => error.reason,
      ),
    );
    await worker.close();
    expect(await Promise.all(outcomes)).toEqual(["closed", "closed"]);
    await expect(worker.extract(documentOf("Te laat"))).rejects.toMatchObject({ reason: "closed" });
  });

  it("leaves the state it was given usable: it is copied to the worker, not transferred", async () => {
    const state = documentOf("Ongewijzigd", "tekst");
    const copy = state.slice();
    await extractor().extract(state);
    expect(state).toEqual(copy);
  });
});
