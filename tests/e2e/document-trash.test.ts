import { describe, expect, it } from "vitest";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";

describe.skipIf(!chromiumAvailable)("a document moved to the trash while others have it open", () => {
  const env = documentScenario({ author: "editor", document: { title: "Verslag stuurgroep", kind: "note" } });
  const { browsers, pageErrors } = env;

  it("tells the co-editor who moved it, at once", async () => {
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    const eddy = await waitForEditor(
      await openPage(await browserAs(env.server, env.ws.editor, browsers), url, "eddy", pageErrors),
    );
    const fien = await waitForEditor(
      await openPage(await browserAs(env.server, env.ws.facilitator, browsers), url, "fien", pageErrors),
    );
    await fien.getByRole("button", { name: "Naar prullenbak" }).click();
    await fien.getByRole("alertdialog").getByRole("button", { name: "Naar prullenbak" }).click();
    await fien.waitForURL(new RegExp(`/w/${env.ws.workspaceId}$`));

    await expect
      .poll(() => eddy.locator(".document-page__trashed").textContent(), { timeout: 15_000 })
      .toContain("Fien Facilitator heeft dit document naar de prullenbak verplaatst.");
    expect(await eddy.locator(".editor__content").count()).toBe(0);
    await eddy.screenshot({ path: screenshotPath("document-trashed-by") });
    expect(pageErrors).toEqual([]);
  });
});
