// The extraction worker's entry. A worker thread does not load a .ts entry under `tsx`, `node --import tsx`
// or Vitest (Node 20 applies the parent's loader hooks to neither), so this plain module registers tsx in
// the worker itself and then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./text-extraction.worker.ts");
