import { documentUrl } from "../../mail/app-links";

/**
 * An RFC 5545 calendar file for one meeting, written by hand: one all-day VEVENT whose UID stays the
 * same for the document, so calendars update the event they already hold instead of adding another.
 */
export interface MeetingEvent {
  documentId: string;
  workspaceId: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  place: string | null;
  /** The document's updated_at (ISO): a later edit gives a higher SEQUENCE. */
  updatedAt: string;
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** When the file is written (DTSTAMP). */
  now: Date;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;
/** SEQUENCE counts seconds from here, so it fits the 32-bit INTEGER of RFC 5545 for decades. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space, which
 * counts toward their 75. Splits only between code points, so no UTF-8 sequence is cut in two.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** The day after a YYYY-MM-DD date, as YYYYMMDD (an all-day DTEND is exclusive). */
export function nextDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10).replace(/-/g, "");
}

/** A UTC DATE-TIME: 20261207T142700Z. */
const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Seconds since 2020 of the last edit: rises whenever the document (its date too) changes. */
export const meetingSequence = (updatedAt: string) =>
  Math.max(0, Math.floor((Date.parse(updatedAt) - SEQUENCE_EPOCH_MS) / 1000));

/** The whole calendar file, CRLF line ends, folded lines, METHOD:PUBLISH. */
export function meetingIcs(event: MeetingEvent): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(event.date)) throw new Error(`not a YYYY-MM-DD date: ${event.date}`);
  const link = documentUrl(event.publicUrl, event.workspaceId, event.documentId);
  const host = new URL(event.publicUrl).hostname;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Themawerk//Vergaderingen//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.documentId}@${host}`,
    `DTSTAMP:${utcStamp(event.now)}`,
    `SEQUENCE:${meetingSequence(event.updatedAt)}`,
    `DTSTART;VALUE=DATE:${event.date.replace(/-/g, "")}`,
    `DTEND;VALUE=DATE:${nextDay(event.date)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    ...(event.place ? [`LOCATION:${escapeIcsText(event.place)}`] : []),
    `URL:${link}`,
    `DESCRIPTION:${escapeIcsText(`Themawerk: ${link}`)}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
