import { z } from "zod";

/**
 * A meeting document in calendars:
 * - GET /api/documents/:id/meeting.ics → text/calendar (any member who may read the document);
 *   409 when it is not a meeting with a date, or is in the trash
 * - POST /api/documents/:id/meeting-invite → MeetingInviteResult (facilitators): one mail per member,
 *   the .ics attached; 409 when email is off, 429 after MEETING_INVITES_PER_HOUR for one document
 */
export const meetingInviteResponse = z.object({
  /** How many members were mailed. */
  sent: z.number().int().nonnegative(),
});
export type MeetingInviteResult = z.infer<typeof meetingInviteResponse>;

/** Invitations per document per hour, so nobody can mail the group in a loop. */
export const MEETING_INVITES_PER_HOUR = 5;

/** The calendar file of a meeting document (same origin: the session cookie goes with it). */
export const meetingIcsPath = (documentId: string) => `/api/documents/${documentId}/meeting.ics`;
