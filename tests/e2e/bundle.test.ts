import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumAvailable, launchBrowser, screenshotPath } from "../helpers/browser";
import { createDocumentAs, logInBrowser, waitForEditor } from "../helpers/e2e-setup";
import { workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

// What a browser loads: the login page gets no editor code, and nothing in our bundle breaks the
// server's Content-Security-Policy (script-src 'self', no 'unsafe-eval').

/** A string Lexical's core writes on the editor's root element; it survives minification. */
const EDITOR_MARKER = "__lexicalEditor";

interface LoadedAsset {
  url: string;
  type: string;
  /** Decoded size, and the bytes that came over the wire (compressed when the server compressed). */
  bytes: number;
  wireBytes: number;
  encoding: string;
  hasEditor: boolean;
}

interface Watched {
  page: Page;
  assets: LoadedAsset[];
  consoleErrors: string[];
  pageErrors: string[];
  /** CSP violations the page reported (securitypolicyviolation events). */
  violations(): Promise<Array<{ directive: string; blocked: string; source: string }>>;
}

/** A new tab that records its scripts and stylesheets, console errors, uncaught errors and CSP violations. */
async function watchedPage(browser: Browser): Promise<Watched> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
      }),
    );
  });
  const watched: Watched = {
    page,
    assets: [],
    consoleErrors: [],
    pageErrors: [],
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: never }).__cspViolations),
  };
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // Logged out, the app's "who am I" (GET /api/me) is answered 401 by design; Chromium logs it.
    const sessionProbe = new URL(m.location().url || "about:blank").pathname === "/api/me";
    if (sessionProbe && m.text().includes("status of 401")) return;
    watched.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => watched.pageErrors.push(e.message));
  page.on("response", async (res) => {
    const type = res.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    const body = await res.body();
    const sizes = await res.request().sizes();
    watched.assets.push({
      url: new URL(res.url()).pathname,
      type,
      bytes: body.length,
      wireBytes: sizes.responseBodySize,
      encoding: (await res.allHeaders())["content-encoding"] ?? "identity",
      hasEditor: body.toString("utf8").includes(EDITOR_MARKER),
    });
  });
  return watched;
}

function report(title: string, assets: LoadedAsset[]) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  // A response from the browser's cache has no wire size (negative).
  const wire = (a: LoadedAsset) => (a.wireBytes < 0 ? "from cache" : `${a.encoding} ${kb(a.wireBytes)}`);
  const lines = assets.map(
    (a) => `  ${a.url}  ${kb(a.bytes)} (${wire(a)})${a.hasEditor ? "  [editor]" : ""}`,
  );
  const js = assets.filter((a) => a.type === "script");
  const total = (pick: (a: LoadedAsset) => number) =>
    kb(js.reduce((sum, a) => sum + Math.max(0, pick(a)), 0));
  console.log(
    `${title}: ${js.length} scripts, ${total((a) => a.bytes)} decoded, ${total((a) => a.wireBytes)} on the wire\n${lines.join("\n")}`,
  );
}

describe.skipIf(!chromiumAvailable)("the client bundle in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;
  let loginAssets: LoadedAsset[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    people = await workspaceWithRoles(server.themawerk);
    documentId = await createDocumentAs(server, people.editor, people.workspaceId, {
      title: "Verslag",
      kind: "note",
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the login page loads no editor code and breaks no CSP rule", async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.url}/aanmelden`);
    await w.page.locator("input[type=password]").waitFor();
    await w.page.waitForLoadState("networkidle");
    await w.page.screenshot({ path: screenshotPath("bundle-login") });
    report("login page", w.assets);
    loginAssets = w.assets;

    const scripts = w.assets.filter((a) => a.type === "script");
    expect(scripts.length).toBeGreaterThan(0);
    // About 620 KiB today (one 1.3 MB chunk before the split); a development React build is far above.
    expect(scripts.reduce((sum, a) => sum + a.bytes, 0)).toBeLessThan(800 * 1024);
    // One look at everything that should be empty, so a failure shows all of it.
    expect({
      editorCode: w.assets.filter((a) => a.hasEditor).map((a) => a.url),
      // Chromium asks for gzip, deflate, br, zstd: nothing should come back uncompressed.
      uncompressed: w.assets.filter((a) => a.encoding === "identity").map((a) => a.url),
      cspViolations: await w.violations(),
      consoleErrors: w.consoleErrors,
      pageErrors: w.pageErrors,
    }).toEqual({ editorCode: [], uncompressed: [], cspViolations: [], consoleErrors: [], pageErrors: [] });
    await w.page.close();
  });

  it("a document loads the editor's code only then, and breaks no CSP rule either", async () => {
    await logInBrowser(browser, server, people.editor);
    const w = await watchedPage(browser);
    await w.page.goto(`${server.url}/w/${people.workspaceId}/d/${documentId}`);
    await waitForEditor(w.page);
    await w.page.waitForLoadState("networkidle");
    report("document page", w.assets);

    const editorChunks = w.assets.filter((a) => a.hasEditor).map((a) => a.url);
    expect(editorChunks.length).toBeGreaterThan(0);
    expect({
      editorCodeAlsoOnLogin: editorChunks.filter((url) => loginAssets.some((a) => a.url === url)),
      cspViolations: await w.violations(),
      consoleErrors: w.consoleErrors,
      pageErrors: w.pageErrors,
    }).toEqual({ editorCodeAlsoOnLogin: [], cspViolations: [], consoleErrors: [], pageErrors: [] });
    await w.page.close();
  });
});
