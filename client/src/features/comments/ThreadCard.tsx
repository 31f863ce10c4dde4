import { forwardRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentThread } from "../../../../shared/schemas/comments";
import type { Member } from "../../../../shared/schemas/workspaces";
import type { PassageState } from "../../editor/plugins/CommentPlugin/comment-bridge";
import { describeApiError } from "../../forms/errors";
import { Button } from "../../ui/Button";
import { useReply, useSetResolved } from "./comment-queries";
import { MentionComposer } from "./MentionComposer";
import { MessageItem } from "./MessageItem";

export interface ThreadCardProps {
  thread: CommentThread;
  /** What the open editor found for this passage just now (more recent than the server's answer). */
  localState: PassageState | undefined;
  active: boolean;
  me: string;
  canComment: boolean;
  canModerate: boolean;
  members: Member[];
  onActivate: () => void;
}

/** Scrolls the editor to a passage's highlight, or to the lesson block (found by its data-lesson-id). */
function showInText(thread: CommentThread) {
  const selector = thread.lessonId
    ? `.editor__content [data-lesson-id="${CSS.escape(thread.lessonId)}"]`
    : `.comment-highlight[data-thread-id="${CSS.escape(thread.id)}"]`;
  document.querySelector(selector)?.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** One thread: what it is on (with the quote, and *outdated* when the passage is gone), its messages, reply, resolve. */
export const ThreadCard = forwardRef<HTMLElement, ThreadCardProps>(function ThreadCard(
  { thread, localState, active, me, canComment, canModerate, members, onActivate },
  ref,
) {
  const { t } = useTranslation("comments");
  const reply = useReply(thread.id);
  const resolve = useSetResolved(thread.id);
  const outdated = thread.target === "passage" && localState ? localState.outdated : thread.outdated;
  const mayResolve = canModerate || thread.createdBy.id === me;
  const labelId = `thread-${thread.id}-label`;
  // A new key empties the reply field after a reply was posted (not when others' replies arrive).
  const [replyKey, setReplyKey] = useState(0);
  const mayReply = canComment && !thread.resolved;

  return (
    <article
      ref={ref}
      className="comment-thread"
      data-thread-id={thread.id}
      data-active={active || undefined}
      data-resolved={thread.resolved || undefined}
      data-outdated={outdated || undefined}
      aria-labelledby={labelId}
      tabIndex={-1}
      // Clicking inside the card focuses it (tabIndex -1), and so does tabbing to its buttons.
      onFocus={onActivate}
    >
      <header className="comment-thread__header">
        <span id={labelId} className="comment-thread__target">
          {t(`target.${thread.target}`)}
          <span className="visually-hidden"> — {t("thread.label", { name: thread.createdBy.name })}</span>
        </span>
        {outdated && (
          <span className="comment-thread__badge comment-thread__badge--outdated">
            {t("thread.outdated")}
          </span>
        )}
        {thread.resolved && (
          <span className="comment-thread__badge">
            {t("thread.resolvedBy", { name: thread.resolvedBy?.name ?? "" })}
          </span>
        )}
      </header>
      {thread.anchor && (
        <blockquote className="comment-thread__quote" aria-label={t("thread.quote")}>
          {thread.anchor.quote}
        </blockquote>
      )}
      {outdated && (
        <p className="comment-thread__hint">
          {thread.target === "lesson" ? t("thread.lessonGone") : t("thread.outdatedHint")}
        </p>
      )}
      <ol className="comment-thread__messages">
        {thread.messages.map((message) => (
          <MessageItem key={message.id} message={message} mine={message.author.id === me} members={members} />
        ))}
      </ol>
      <div className="comment-thread__actions">
        {mayReply && !active && (
          <Button size="small" variant="quiet" onPress={onActivate}>
            {t("thread.reply")}
          </Button>
        )}
        {thread.target !== "document" && !outdated && !thread.resolved && (
          <Button size="small" variant="quiet" onPress={() => showInText(thread)}>
            {t("thread.showInText")}
          </Button>
        )}
        {mayResolve && (
          <Button
            size="small"
            isPending={resolve.isPending}
            pendingLabel={t("thread.resolving")}
            onPress={() => resolve.mutate(!thread.resolved)}
          >
            {thread.resolved ? t("thread.reopen") : t("thread.resolve")}
          </Button>
        )}
      </div>
      {resolve.isError && (
        <p className="field__error" role="alert">
          {describeApiError(resolve.error)}
        </p>
      )}
      {mayReply && active && (
        <MentionComposer
          key={replyKey}
          label={t("composer.replyLabel")}
          members={members}
          submitLabel={t("thread.reply")}
          pendingLabel={t("composer.sending")}
          isPending={reply.isPending}
          error={reply.isError ? describeApiError(reply.error) : undefined}
          onSubmit={(input) => reply.mutate(input, { onSuccess: () => setReplyKey((k) => k + 1) })}
        />
      )}
    </article>
  );
});
