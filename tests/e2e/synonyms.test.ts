import { describe, expect, it } from "vitest";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage } from "../helpers/e2e-setup";

describe.skipIf(!chromiumAvailable)("search synonyms on the themes screen", () => {
  const env = documentScenario({
    author: "editor",
    document: { title: "Verslag lokale diensteneconomie", kind: "note" },
  });
  const { browsers, pageErrors } = env;

  it("a facilitator adds LDE = lokale diensteneconomie, and LDE then finds the text; a viewer only reads them", async () => {
    const themesUrl = `${env.server.url}/w/${env.ws.workspaceId}/themas`;
    const fiona = await openPage(
      await browserAs(env.server, env.ws.facilitator, browsers),
      themesUrl,
      "Fiona",
      pageErrors,
    );
    const section = fiona.getByRole("region", { name: "Synoniemen voor zoeken" });
    await section.waitFor();
    await expect.poll(() => section.textContent()).toContain("Nog geen synoniemen.");
    const field = section.getByRole("textbox", { name: "Woorden of afkortingen, gescheiden door komma's" });
    await field.click();
    await fiona.keyboard.type("LDE, lokale diensteneconomie");
    await fiona.keyboard.press("Enter");
    const rows = section.getByRole("listitem");
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining("LDE = lokale diensteneconomie")]);
    await expect.poll(() => section.getByRole("status").textContent()).toContain("Opgeslagen");
    expect(await field.inputValue()).toBe("");
    await fiona.screenshot({ path: screenshotPath("themes-synonyms"), fullPage: true });

    // The abbreviation finds the document that only spells it out.
    await fiona.keyboard.press("Control+k");
    await fiona.keyboard.type("LDE", { delay: 20 });
    const results = fiona.getByRole("listbox", { name: "Zoekresultaten" });
    await expect
      .poll(
        () =>
          results
            .getByRole("option")
            .filter({ has: fiona.locator(".search-hit") })
            .allTextContents(),
        { timeout: 10_000 },
      )
      .toEqual([expect.stringContaining("Verslag lokale diensteneconomie")]);
    await fiona.keyboard.press("Escape");

    // Editing: Escape cancels; removing can be undone.
    await section.getByRole("button", { name: "Synoniemen LDE, lokale diensteneconomie wijzigen" }).click();
    const edit = section.getByRole("textbox", { name: "Synoniemen, gescheiden door komma's" });
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
    await fiona.keyboard.press("Escape");
    await expect.poll(() => edit.count()).toBe(0);
    await section
      .getByRole("button", { name: "Synoniemen LDE, lokale diensteneconomie verwijderen" })
      .click();
    await expect
      .poll(() => section.getByRole("status").textContent())
      .toContain("Verwijderd: LDE = lokale diensteneconomie");
    await expect.poll(() => rows.count()).toBe(0);
    await section.getByRole("button", { name: "Ongedaan maken" }).click();
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining("LDE = lokale diensteneconomie")]);

    // A viewer sees the list but cannot change it.
    const vera = await openPage(
      await browserAs(env.server, env.ws.viewer, browsers),
      themesUrl,
      "Vera",
      pageErrors,
    );
    const seen = vera.getByRole("region", { name: "Synoniemen voor zoeken" });
    await expect
      .poll(() => seen.getByRole("listitem").allTextContents())
      .toEqual([expect.stringContaining("LDE = lokale diensteneconomie")]);
    expect(await seen.getByRole("textbox").count()).toBe(0);
    expect(await seen.getByRole("button").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
