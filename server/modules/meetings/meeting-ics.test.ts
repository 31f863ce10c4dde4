import { describe, expect, it } from "vitest";
import { escapeIcsText, foldIcsLine, meetingIcs, meetingSequence, nextDay } from "./meeting-ics";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space joins the lines. */
const unfold = (text: string) => text.replace(/\r\n /g, "");

const event = {
  documentId: "doc123",
  workspaceId: "ws456",
  title: "Overleg, deel 1; Gent",
  date: "2026-12-31",
  place: "Stadhuis\\zaal 2",
  updatedAt: "2026-12-01T10:00:00.000Z",
  publicUrl: "https://themawerk.example:8443",
  now: new Date("2026-12-07T14:27:05.123Z"),
};

describe("escapeIcsText", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("leaves colons and quotes alone (they need no escaping in TEXT)", () => {
    expect(escapeIcsText('Agenda: "punt" 1')).toBe('Agenda: "punt" 1');
  });
});

describe("foldIcsLine", () => {
  it("keeps a line of exactly 75 octets whole", () => {
    const line = `SUMMARY:${"a".repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldIcsLine(line)).toBe(line);
  });

  it("folds at 75 octets with the continuation's space counted, never splitting é, ë or an emoji", () => {
    const line = `SUMMARY:${"Vergadering één, ëvenement 🎉 ".repeat(8)}`;
    const folded = foldIcsLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(3);
    for (const [index, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
      // A cut multi-byte sequence would decode to U+FFFD.
      expect(Buffer.from(part, "utf8").toString("utf8")).not.toContain("\uFFFD");
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(unfold(folded)).toBe(line);
  });

  it("fills lines up to the limit when a multi-byte character would cross it", () => {
    // 74 octets, then ë (2 octets) would make 76: it moves to the next line.
    const line = `${"x".repeat(74)}ëy`;
    expect(foldIcsLine(line)).toBe(`${"x".repeat(74)}\r\n ëy`);
  });
});

describe("nextDay", () => {
  it("crosses months, years and leap days", () => {
    expect(nextDay("2026-12-31")).toBe("20270101");
    expect(nextDay("2026-01-31")).toBe("20260201");
    expect(nextDay("2028-02-28")).toBe("20280229");
    expect(nextDay("2027-02-28")).toBe("20270301");
  });
});

describe("meetingIcs", () => {
  const ics = meetingIcs(event);
  const lines = unfold(ics).split("\r\n");

  it("ends every line with CRLF and has no bare line feed", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("is one all-day VEVENT in a PUBLISH calendar, 31 December to 1 January", () => {
    expect(lines.slice(0, 6)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Themawerk//Vergaderingen//NL",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
    ]);
    expect(lines).toContain("DTSTART;VALUE=DATE:20261231");
    expect(lines).toContain("DTEND;VALUE=DATE:20270101");
    expect(lines).toContain("DTSTAMP:20261207T142705Z");
    expect(lines).toContain("UID:doc123@themawerk.example");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });

  it("escapes the title and the place, and links to the document", () => {
    expect(lines).toContain("SUMMARY:Overleg\\, deel 1\\; Gent");
    expect(lines).toContain("LOCATION:Stadhuis\\\\zaal 2");
    expect(lines).toContain("URL:https://themawerk.example:8443/w/ws456/d/doc123");
    expect(lines).toContain("DESCRIPTION:Themawerk: https://themawerk.example:8443/w/ws456/d/doc123");
  });

  it("leaves LOCATION out when there is no place", () => {
    expect(meetingIcs({ ...event, place: null })).not.toContain("LOCATION");
  });

  it("gives a later edit a higher SEQUENCE", () => {
    const later = meetingSequence("2026-12-02T10:00:00.000Z");
    expect(later).toBeGreaterThan(meetingSequence(event.updatedAt));
    expect(later).toBeLessThan(2 ** 31);
    expect(lines).toContain(`SEQUENCE:${meetingSequence(event.updatedAt)}`);
  });

  it("refuses a date that is not YYYY-MM-DD", () => {
    expect(() => meetingIcs({ ...event, date: "31-12-2026" })).toThrow(/YYYY-MM-DD/);
  });
});
