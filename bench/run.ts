import os from "node:os";
import { runCollabCold } from "./collab-cold-load";
import { runCollabFanout } from "./collab-fanout";
import { runCollabFanoutScale } from "./collab-fanout-scale";
import { runSearchBench } from "./search";
import { runSearchIndexing } from "./search-indexing";
import { runSearchRelevance } from "./search-relevance";
import { runSettleWork } from "./settle-work";
import { runVersionsBench } from "./versions";

/** `npm run bench`: runs every benchmark in turn (`npm run bench -- --only=search` runs one); later issues add theirs to the list. */
const benchmarks: Array<{ name: string; run: (log: (line: string) => void) => Promise<unknown> }> = [
  { name: "collab-fanout", run: runCollabFanout },
  { name: "collab-fanout-scale", run: runCollabFanoutScale },
  { name: "collab-cold-load", run: runCollabCold },
  { name: "search", run: runSearchBench },
  { name: "search-indexing", run: runSearchIndexing },
  { name: "search-relevance", run: runSearchRelevance },
  { name: "settle-work", run: runSettleWork },
  { name: "versions", run: runVersionsBench },
];

/** Benchmarks named on the command line: `--only=search,collab-fanout` or plain names; none means all. */
function selectedNames(args: string[]): string[] {
  const names = args.flatMap((arg) => (arg.startsWith("--only=") ? arg.slice(7).split(",") : [arg]));
  const unknown = names.filter((name) => !benchmarks.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown benchmark ${unknown.join(", ")}; known: ${benchmarks.map((b) => b.name).join(", ")}`,
    );
  }
  return names;
}

async function main(): Promise<void> {
  // Every y-websocket provider adds a process 'exit' listener; a benchmark opens a hundred.
  process.setMaxListeners(500);
  const only = selectedNames(process.argv.slice(2).filter((arg) => arg !== ""));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(
    `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown cpu"}, Node ${process.version}, ${new Date().toISOString()}`,
  );
  for (const bench of benchmarks) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    log("");
    await bench.run(log);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
