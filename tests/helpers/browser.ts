import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Browser tests need Debian's Chromium; say how to get it when it is missing. */
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);
export const chromiumMissingMessage = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped. Install it with \`apt-get install chromium\`.`;
if (!chromiumAvailable) console.warn(chromiumMissingMessage);

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile (its own cookies), headless, with the flags this sandbox needs. */
export async function launchBrowser(
  options: { locale?: string; viewport?: { width: number; height: number }; mobile?: boolean } = {},
): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: options.locale ?? "nl-BE",
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // A phone: touch, and the page laid out at the device width (as its meta viewport asks).
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots of browser tests go (looked at by people, not asserted on). */
export function screenshotPath(name: string): string {
  const dir = path.resolve(import.meta.dirname, "../../dist/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
