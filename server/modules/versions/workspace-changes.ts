import type { DocumentChange, WorkspaceChanges } from "../../../shared/schemas/versions";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { badRequest } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { baseVersionAt } from "./versions.repo";
import type { VersionsCollab, VersionsDocumentWork } from "./versions.service";

/** How much one answer lists, and how far back it looks when the workspace had no meeting yet. */
export const WORKSPACE_CHANGES_LIMITS = { documents: 100, meetings: 50, fallbackDays: 7 } as const;

/** What a new document (or one that never got a version) is measured from: no blocks at all. */
const EMPTY_DOCUMENT = { root: { type: "root", children: [] } };

const DAY_MS = 24 * 60 * 60_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const START_OF_DAY = "T00:00:00.000Z";

type MeetingRef = NonNullable<WorkspaceChanges["meeting"]>;
type PersonRef = DocumentChange["contributors"][number];

interface ChangedRow {
  id: string;
  title: string;
  kind: string;
  created_at: string;
  updated_at: string;
}

/**
 * "What changed since …" for a workspace: the documents created or edited since a moment (by default
 * the start of the last meeting's day), who edited them since, and how many blocks changed from the
 * version they had then. Text is read and compared on the worker thread, never on the event loop.
 */
export class WorkspaceChangesService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly collab: Pick<VersionsCollab, "readDocumentState">,
    private readonly work: Pick<VersionsDocumentWork, "extract" | "diff">,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The changes since `since` (YYYY-MM-DD: that day's start, UTC; else an ISO instant), or since the last meeting. */
  async since(user: SessionUser, workspaceId: string, since: string | undefined): Promise<WorkspaceChanges> {
    await this.access.requireWorkspace(user, workspaceId, "document.read");
    const start =
      since === undefined
        ? await this.lastMeetingStart(workspaceId)
        : await this.givenStart(workspaceId, since);
    return {
      since: start.since,
      meeting: start.meeting,
      meetings: await this.meetings(workspaceId),
      documents: await this.changedDocuments(workspaceId, start.since),
    };
  }

  /** The start of the last meeting's day before today (UTC); without one, the start of the day a week ago. */
  private async lastMeetingStart(
    workspaceId: string,
  ): Promise<{ since: string; meeting: MeetingRef | null }> {
    const today = this.now().toISOString().slice(0, 10);
    const row = await this.meetingQuery(workspaceId)
      .where("meeting_date", "<", today)
      .limit(1)
      .executeTakeFirst();
    if (row) return { since: startOfDay(row.meeting_date), meeting: meetingRef(row) };
    const weekAgo = new Date(Date.parse(startOfDay(today)) - WORKSPACE_CHANGES_LIMITS.fallbackDays * DAY_MS);
    return { since: weekAgo.toISOString(), meeting: null };
  }

  /** The instant asked for; it names a meeting when it is the start of a meeting's day. */
  private async givenStart(
    workspaceId: string,
    since: string,
  ): Promise<{ since: string; meeting: MeetingRef | null }> {
    const instant = instantOf(since);
    if (!instant.endsWith(START_OF_DAY)) return { since: instant, meeting: null };
    const row = await this.meetingQuery(workspaceId)
      .where("meeting_date", "=", instant.slice(0, 10))
      .limit(1)
      .executeTakeFirst();
    return { since: instant, meeting: row ? meetingRef(row) : null };
  }

  /** The workspace's meetings to choose from, newest date first. */
  private async meetings(workspaceId: string): Promise<MeetingRef[]> {
    const rows = await this.meetingQuery(workspaceId).limit(WORKSPACE_CHANGES_LIMITS.meetings).execute();
    return rows.map(meetingRef);
  }

  /** Live meeting documents that have a date, newest date first (the later created first on the same date). */
  private meetingQuery(workspaceId: string) {
    return this.db
      .selectFrom("documents")
      .select(["id", "title", "meeting_date"])
      .where("workspace_id", "=", workspaceId)
      .where("kind", "=", "meeting")
      .where("deleted_at", "is", null)
      .where("meeting_date", "is not", null)
      .$narrowType<{ meeting_date: string }>()
      .orderBy("meeting_date", "desc")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc");
  }

  private async changedDocuments(workspaceId: string, since: string): Promise<DocumentChange[]> {
    const rows: ChangedRow[] = await this.db
      .selectFrom("documents")
      .select(["id", "title", "kind", "created_at", "updated_at"])
      .where("workspace_id", "=", workspaceId)
      .where("deleted_at", "is", null)
      .where((eb) => eb.or([eb("created_at", ">=", since), eb("updated_at", ">=", since)]))
      .orderBy("updated_at", "desc")
      .orderBy("id", "desc")
      .limit(WORKSPACE_CHANGES_LIMITS.documents)
      .execute();
    if (rows.length === 0) return [];
    const contributors = await this.contributorsSince(
      rows.map((row) => row.id),
      since,
    );
    // One document at a time: the worker does one job at a time anyway, and this answer should not
    // fill its queue ahead of the settle work of people typing.
    const changes: DocumentChange[] = [];
    for (const row of rows)
      changes.push(await this.documentChange(row, since, contributors.get(row.id) ?? []));
    return changes;
  }

  /** One document's change: new or changed, and the block counts from its base version (or from nothing) to now. */
  private async documentChange(
    row: ChangedRow,
    since: string,
    contributors: PersonRef[],
  ): Promise<DocumentChange> {
    const isNew = row.created_at >= since;
    const base = isNew ? undefined : await baseVersionAt(this.db, row.id, since);
    const current = await this.work.extract(await this.collab.readDocumentState(row.id));
    const { counts } = await this.work.diff(base?.content.lexicalJson ?? EMPTY_DOCUMENT, current.lexicalJson);
    return {
      documentId: row.id,
      title: row.title,
      kind: row.kind,
      change: isNew ? "new" : "changed",
      updatedAt: row.updated_at,
      contributors,
      baseVersionId: base?.id ?? null,
      counts,
    };
  }

  /** Who edited each document at or after `since`, earliest first; a removed account reads "?". */
  private async contributorsSince(documentIds: string[], since: string): Promise<Map<string, PersonRef[]>> {
    const rows = await this.db
      .selectFrom("document_editors")
      .leftJoin("users", "users.id", "document_editors.user_id")
      .select(["document_editors.document_id", "document_editors.user_id", "users.name"])
      .where("document_editors.document_id", "in", documentIds)
      .where("document_editors.edited_at", ">=", since)
      .orderBy("document_editors.edited_at")
      .orderBy("document_editors.user_id")
      .execute();
    const byDocument = new Map<string, PersonRef[]>();
    for (const row of rows) {
      const people = byDocument.get(row.document_id) ?? [];
      people.push({ id: row.user_id, name: row.name ?? "?" });
      byDocument.set(row.document_id, people);
    }
    return byDocument;
  }
}

function startOfDay(date: string): string {
  return `${date}${START_OF_DAY}`;
}

/** The ISO instant (UTC, milliseconds) of a validated `since`, in the form the stored timestamps have. */
function instantOf(since: string): string {
  const instant = DATE_ONLY.test(since) ? startOfDay(since) : new Date(since).toISOString();
  // An offset can push a moment out of years 0000–9999, whose ISO form would not sort with stored ones.
  if (!/^\d{4}-/.test(instant)) throw badRequest("since: must fall within the years 0000 to 9999", "since");
  return instant;
}

function meetingRef(row: { id: string; title: string; meeting_date: string }): MeetingRef {
  return { documentId: row.id, title: row.title, date: row.meeting_date };
}
