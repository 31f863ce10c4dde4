import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** One axe-core rule broken on a page, with the elements that break it (their CSS selectors). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (its default rules: WCAG 2.x A/AA and best practices) on what the page shows now; every violation,
 * whatever its impact (the issue asks for no serious or critical one; the app has none of any impact). axe is
 * injected from node_modules into the page, so nothing of it ships with the app.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  // What the page shows once its fades and colour transitions have ended: half-transparent text (a dialog
  // fading in) fails the contrast rule while it lasts. Endless animations (a spinner) are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time, it has no type here.
    const axe = (window as any).axe;
    // React Aria's live announcer (outside the app's markup) keeps a spoken message for 7 s; one that named a
    // dialog's title by aria-labelledby points at nothing once the dialog has closed. Not part of the page.
    const result = await axe.run(
      { include: [document], exclude: [["[data-live-announcer]"]] },
      { resultTypes: ["violations"] },
    );
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }),
    );
  });
  return violations as AxeViolation[];
}
