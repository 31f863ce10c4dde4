import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { diffArrays } from "diff";
import { diffDocuments } from "../shared/version-diff/diff";
import { random } from "./random";
import { ms, quantile } from "./stats";

const gzipAsync = promisify(gzip);

const WORDS =
  "gemeente regie valkuil bewoners dienstverlening subsidie wijkteam afspraak uitvoering beleid loket economie sociale kwetsbaar werkgroep verslag besluit evaluatie partners provincie".split(
    " ",
  );

const textNode = (text: string) => ({
  type: "text",
  text,
  format: 0,
  detail: 0,
  mode: "normal",
  style: "",
  version: 1,
});

/** A Lexical state of about `bytes` of JSON: paragraphs, a heading every 20 blocks, a lesson every 7. */
function documentOf(bytes: number, seed: number) {
  const next = random(seed);
  const children: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = Array.from(
      { length: 12 + Math.floor(next() * 30) },
      () => WORDS[Math.floor(next() * WORDS.length)],
    ).join(" ");
    const block =
      i % 20 === 0
        ? { type: "heading", tag: "h2", children: [textNode(text.slice(0, 60))], version: 1 }
        : i % 7 === 0
          ? {
              type: "lesson",
              kind: "pitfall",
              lessonId: `lesson${i}`,
              themes: "",
              children: [textNode(text)],
              version: 1,
            }
          : { type: "paragraph", children: [textNode(text)], version: 1 };
    size += JSON.stringify(block).length;
    children.push(block);
  }
  return { root: { type: "root", children, version: 1 } };
}

/** The same document after a meeting's worth of edits: `share` of the blocks rewritten, some removed, some added. */
function editedCopy(doc: ReturnType<typeof documentOf>, share: number, seed: number) {
  const next = random(seed);
  const children = doc.root.children.flatMap((block) => {
    const r = next();
    if (r < share / 3) return [];
    const b = block as { children: Array<{ text: string }> };
    if (r < (2 * share) / 3)
      return [{ ...b, children: [textNode(`${b.children[0].text} aangevuld na de bijeenkomst`)] }];
    if (r < share)
      return [
        block,
        { type: "paragraph", children: [textNode("Nieuw besluit van de werkgroep.")], version: 1 },
      ];
    return [block];
  });
  return { root: { ...doc.root, children } };
}

function time(runs: number, work: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

/** Bytes stored per version of a 1 MB document, and the time to build a diff against a peer (a plain line diff). */
export async function runVersionsBench(log: (line: string) => void): Promise<void> {
  log("versions: one version of a 1 MB document, and diffs of it");
  const doc = documentOf(1_000_000, 7);
  const json = JSON.stringify({ lexicalJson: doc, plainText: "" });
  const stored = await gzipAsync(Buffer.from(json));
  log(
    `  stored per version: ${stored.length} bytes gzipped (${json.length} bytes of JSON, ${doc.root.children.length} blocks)`,
  );
  const lines = (d: typeof doc) => d.root.children.map((b) => JSON.stringify(b));
  for (const share of [0.02, 0.2, 1]) {
    const edited = editedCopy(doc, share, 11);
    const ours = time(15, () => diffDocuments(doc, edited));
    const peer = time(15, () => diffArrays(lines(doc), lines(edited)));
    const p50 = quantile(ours, 0.5);
    log(
      `  diff, ${Math.round(share * 100)}% of blocks edited: p50 ${ms(p50)}, p99 ${ms(quantile(ours, 0.99))}, max ${ms(Math.max(...ours))}; ` +
        `plain line diff (peer) p50 ${ms(quantile(peer, 0.5))}; ratio ${(p50 / quantile(peer, 0.5)).toFixed(1)}×`,
    );
  }
}
