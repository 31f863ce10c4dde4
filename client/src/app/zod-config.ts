import { z } from "zod";

// Zod compiles fast object parsers with `new Function` and probes for it when a schema is made;
// under the server's CSP (script-src 'self', no 'unsafe-eval') even the probe is reported as a
// violation. vite.config.ts bundles this file into Zod's own chunk, which every chunk making a
// schema imports, so it runs before the first schema is made (main.tsx imports it first too).
z.config({ jitless: true });
