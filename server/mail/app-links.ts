/**
 * The app's addresses that mails and calendar files link to: the client's routes
 * (client/src/app/router.tsx), written in one place.
 */
export const documentUrl = (publicUrl: string, workspaceId: string, documentId: string) =>
  `${publicUrl}/w/${workspaceId}/d/${documentId}`;

/** A document opened at a comment thread. */
export const threadUrl = (publicUrl: string, workspaceId: string, documentId: string, threadId: string) =>
  `${documentUrl(publicUrl, workspaceId, documentId)}?reactie=${encodeURIComponent(threadId)}`;

/** A document opened at a lesson. */
export const lessonUrl = (publicUrl: string, workspaceId: string, documentId: string, lessonId: string) =>
  `${documentUrl(publicUrl, workspaceId, documentId)}?les=${encodeURIComponent(lessonId)}`;

/** The account page, where mail preferences are kept. */
export const accountUrl = (publicUrl: string) => `${publicUrl}/account`;

/** Where unsubscribe links point (outside /api: a mail client posts there without the app's Origin). */
export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/mail/afmelden/${token}`;
