import os from "node:os";
import { runCollabCold } from "./collab-cold-load";
import { runCollabFanout } from "./collab-fanout";

/** `npm run bench`: runs every benchmark in turn; later issues add theirs to the list. */
const benchmarks: Array<{ name: string; run: (log: (line: string) => void) => Promise<unknown> }> = [
  { name: "collab-fanout", run: runCollabFanout },
  { name: "collab-cold-load", run: runCollabCold },
];

async function main(): Promise<void> {
  // Every y-websocket provider adds a process 'exit' listener; a benchmark opens a hundred.
  process.setMaxListeners(500);
  const only = process.argv.slice(2);
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
