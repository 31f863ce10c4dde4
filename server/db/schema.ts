import type { ColumnType, Generated } from "kysely";

/** Table types shared by both dialects. Times are ISO-8601 UTC strings; booleans are 0/1 integers. */

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  is_admin: number;
  /** 1 for the account the start-up bootstrap created as administrator (ADMIN_EMAIL). */
  created_as_admin: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  description: string;
  period: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface InvitesTable {
  id: string;
  /** SHA-256 (hex) of the invitation token. */
  token_hash: string;
  workspace_id: string;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
}

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  kind: string;
  title: string;
  municipality: string | null;
  is_centre_city: number | null;
  outcome: string | null;
  meeting_date: string | null;
  meeting_place: string | null;
  plain_text: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  deleted_at: string | null;
  /** Who moved it to the trash (null when it is not in the trash). */
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_id: string;
  data: Uint8Array;
  created_at: string;
}

/** A document whose search entries the engine has not confirmed yet (server/search/search-outbox.ts). */
export interface SearchOutboxTable {
  document_id: string;
  token: string;
  queued_at: string;
}

/** A group of words and phrases that mean the same in one workspace (terms: JSON array). */
export interface SearchSynonymsTable {
  id: string;
  workspace_id: string;
  terms: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A version of a document (server/modules/versions): its text gzipped, never Yjs bytes. */
export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  kind: string;
  name: string | null;
  title: string;
  /** gzip of JSON { lexicalJson, plainText }. */
  content: Uint8Array;
  content_hash: string;
  /** JSON array of user ids. */
  contributors: string;
  restored_from: string | null;
  created_by: string | null;
  created_at: string;
}

/** When a person last edited a document (recorded with the throttled last-editor stamp). */
export interface MailOutboxTable {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers (List-Unsubscribe …). */
  headers: string;
  /** JSON array of attachments: { filename, contentType, base64 } (an .ics invitation). */
  attachments: Generated<string>;
  created_at: string;
  next_attempt_at: string;
  attempts: Generated<number>;
  claimed_until: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface DocumentEditorsTable {
  document_id: string;
  user_id: string;
  edited_at: string;
}

export interface DocumentStatesTable {
  document_id: string;
  state: Uint8Array;
  /** The highest document_updates.id folded into `state`. */
  last_update_id: number;
  updated_at: string;
}

export interface ThemesTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  position: number;
  archived_at: string | null;
  merged_into_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface LessonsTable {
  id: string;
  workspace_id: string;
  document_id: string;
  kind: string;
  text: string;
  position: number;
  status: string;
  previous_status: string | null;
  status_changed_by: string | null;
  status_changed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface LessonThemesTable {
  lesson_id: string;
  theme_id: string;
}

export interface LessonStancesTable {
  lesson_id: string;
  user_id: string;
  /** "endorse" or "object". */
  stance: string;
  reason: string;
  created_at: string;
  updated_at: string;
}

export interface ComparisonsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** JSON array of case document ids, in column order. */
  case_ids: string;
  created_by: string;
  created_at: string;
}

export interface RecommendationEvidenceTable {
  recommendation_id: string;
  lesson_id: string;
  created_by: string;
  created_at: string;
}

/** The theme a chapter document belongs to (no row: not linked). */
export interface ChapterThemesTable {
  document_id: string;
  theme_id: string;
}

export interface HandbookOutlinesTable {
  workspace_id: string;
  updated_by: string;
  updated_at: string;
}

export interface HandbookChaptersTable {
  workspace_id: string;
  theme_id: string;
  position: number;
}

export interface HandbookExportsTable {
  /** Also the undo token. */
  id: string;
  workspace_id: string;
  created_by: string;
  created_at: string;
  undone_at: string | null;
}

export interface HandbookExportLessonsTable {
  export_id: string;
  lesson_id: string;
  previous_status: string;
}

export interface LessonMinimumsTable {
  lesson_id: string;
  marked_by: string;
  marked_at: string;
  /** Who of the group ticked it off on the minimal version, and when; null while it is open. */
  done_by: string | null;
  done_at: string | null;
}

export interface CommentThreadsTable {
  id: string;
  workspace_id: string;
  document_id: string;
  /** "passage", "lesson" or "document". */
  target: string;
  anchor_start: string | null;
  anchor_end: string | null;
  quote: string | null;
  lesson_id: string | null;
  created_by: string;
  created_at: string;
  last_activity_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface CommentMessagesTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface CommentMentionsTable {
  message_id: string;
  user_id: string;
}

/** A comment someone is to be mailed about (mentioned, or a reply in a thread they took part in). */
export interface CommentNoticesTable {
  id: string;
  user_id: string;
  message_id: string;
  /** "mention" or "reply". */
  reason: string;
  created_at: string;
}

/** A person's mail choices; no row means the defaults (comment mail on). */
export interface MailPreferencesTable {
  user_id: string;
  /** 1: mail me about mentions and replies; 0: don't. */
  comment_mail: number;
  /** The secret in the unsubscribe link of every mail to them (no login needed to use it). */
  unsubscribe_token: string;
  /** "daily", "weekly" or "off". */
  digest: Generated<string>;
  /** When the last digest went (its period starts there); null before the first. */
  last_digest_at: string | null;
  updated_at: string;
}

/** A theme or document someone follows: their digest reports what is new there. */
export interface FollowsTable {
  user_id: string;
  workspace_id: string;
  /** "theme" or "document". */
  target_type: string;
  target_id: string;
  created_at: string;
}

export interface CommentThreadReadsTable {
  user_id: string;
  thread_id: string;
  read_at: string;
}

export interface CommentWorkspaceReadsTable {
  user_id: string;
  workspace_id: string;
  read_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_states: DocumentStatesTable;
  document_versions: DocumentVersionsTable;
  document_editors: DocumentEditorsTable;
  search_outbox: SearchOutboxTable;
  search_synonyms: SearchSynonymsTable;
  themes: ThemesTable;
  lessons: LessonsTable;
  lesson_themes: LessonThemesTable;
  lesson_stances: LessonStancesTable;
  comment_threads: CommentThreadsTable;
  comment_messages: CommentMessagesTable;
  comment_mentions: CommentMentionsTable;
  comment_thread_reads: CommentThreadReadsTable;
  comment_notices: CommentNoticesTable;
  mail_preferences: MailPreferencesTable;
  follows: FollowsTable;
  comment_workspace_reads: CommentWorkspaceReadsTable;
  comparisons: ComparisonsTable;
  recommendation_evidence: RecommendationEvidenceTable;
  chapter_themes: ChapterThemesTable;
  handbook_outlines: HandbookOutlinesTable;
  handbook_chapters: HandbookChaptersTable;
  handbook_exports: HandbookExportsTable;
  handbook_export_lessons: HandbookExportLessonsTable;
  lesson_minimums: LessonMinimumsTable;
  mail_outbox: MailOutboxTable;
  password_resets: PasswordResetsTable;
}
