import { describe, expect, it } from "vitest";
import { type DigestLinks, type DigestWorkspacePart, digestHasNews, digestMail } from "./digest-mail";

const links: DigestLinks = {
  lesson: (ws, doc, lesson) => `https://tw.test/w/${ws}/d/${doc}?les=${lesson}`,
  thread: (ws, doc, thread) => `https://tw.test/w/${ws}/d/${doc}?reactie=${thread}`,
  document: (ws, doc) => `https://tw.test/w/${ws}/d/${doc}`,
  unsubscribe: "https://tw.test/mail/afmelden/token",
  preferences: "https://tw.test/account",
};

const empty = (over: Partial<DigestWorkspacePart> = {}): DigestWorkspacePart => ({
  workspaceId: "ws1",
  workspaceName: "Werkruimte <Gent>",
  lessons: [],
  threads: [],
  lastMeeting: null,
  changedDocuments: [],
  ...over,
});
const person = { email: "an@example.test", name: "An", locale: "nl" };

describe("digestMail", () => {
  it("says there is nothing new only when every part is empty", () => {
    expect(digestHasNews([empty(), empty()])).toBe(false);
    expect(digestHasNews([empty(), empty({ changedDocuments: [{ id: "d", title: "T" }] })])).toBe(true);
  });

  it("lists lessons, threads and changes with their links, escaping user text in the HTML", () => {
    const mail = digestMail(
      person,
      "weekly",
      [
        empty({
          lessons: [
            {
              id: "l1",
              kind: "dont",
              text: "Nooit <script> gebruiken",
              documentId: "d1",
              documentTitle: "Casus",
            },
          ],
          threads: [
            {
              id: "t1",
              documentId: "d1",
              documentTitle: "Casus",
              quote: null,
              firstMessage: "Klopt dit?",
              authorName: null,
            },
          ],
          lastMeeting: { id: "m1", title: "Overleg", date: "2026-03-12" },
          changedDocuments: [{ id: "d2", title: "Nota" }],
        }),
      ],
      links,
    );
    expect(mail.subject).toBe("Je wekelijkse overzicht van Themawerk");
    expect(mail.kind).toBe("digest");
    expect(mail.text).toContain("Te wegen — Niet doen in “Casus” (Werkruimte <Gent>):");
    expect(mail.text).toContain("Weeg deze les: https://tw.test/w/ws1/d/d1?les=l1");
    expect(mail.text).toContain("Iemand begon een gesprek in “Casus”");
    expect(mail.text).toContain("Gewijzigd sinds het overleg “Overleg” van 12 maart 2026: “Nota”");
    expect(mail.html).toContain("Nooit &lt;script&gt; gebruiken");
    expect(mail.html).not.toContain("<script>");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<https://tw.test/mail/afmelden/token>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("writes English for an English reader and leaves out changes when there was no meeting", () => {
    const mail = digestMail(
      { ...person, locale: "en" },
      "daily",
      [empty({ changedDocuments: [{ id: "d2", title: "Nota" }] })],
      links,
    );
    expect(mail.subject).toBe("Your daily Themawerk digest");
    expect(mail.text).toContain("Hello An,");
    expect(mail.text).not.toContain("Nota");
  });
});
