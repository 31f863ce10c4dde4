import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentMessage } from "../../../../shared/schemas/comments";
import type { Member } from "../../../../shared/schemas/workspaces";
import { describeApiError } from "../../forms/errors";
import { Button } from "../../ui/Button";
import { useDeleteMessage, useEditMessage } from "./comment-queries";
import { MentionComposer } from "./MentionComposer";
import { splitMentions } from "./mention-text";
import { useFormatDateTime } from "./format-time";

/** The text with each "@Name" of a mentioned person marked. */
function withMentions(body: string, mentions: { id: string; name: string }[]): ReactNode[] {
  return splitMentions(
    body,
    mentions.map((m) => m.name),
  ).map((part, index) =>
    part.mention ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the split parts of one string
      <mark key={index} className="comment-message__mention">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

export interface MessageItemProps {
  message: CommentMessage;
  mine: boolean;
  members: Member[];
}

/** One message of a thread, with edit and delete for its author. */
export function MessageItem({ message, mine, members }: MessageItemProps) {
  const { t } = useTranslation("comments");
  const formatTime = useFormatDateTime();
  const [editing, setEditing] = useState(false);
  const edit = useEditMessage(message.id);
  const remove = useDeleteMessage(message.id);

  return (
    <li className="comment-message" data-message-id={message.id}>
      <p className="comment-message__meta">
        <span className="comment-message__author">{message.author.name}</span>{" "}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {message.editedAt && !message.deleted && (
          <span className="comment-message__edited"> · {t("message.edited")}</span>
        )}
      </p>
      {message.deleted || message.body === null ? (
        <p className="comment-message__body comment-message__body--deleted">{t("message.deleted")}</p>
      ) : editing ? (
        <MentionComposer
          label={t("message.editLabel")}
          members={members}
          initialBody={message.body}
          initialMentions={message.mentions}
          submitLabel={t("message.save")}
          pendingLabel={t("message.saving")}
          isPending={edit.isPending}
          error={edit.isError ? describeApiError(edit.error) : undefined}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(input) => edit.mutate(input, { onSuccess: () => setEditing(false) })}
        />
      ) : (
        <p className="comment-message__body">{withMentions(message.body, message.mentions)}</p>
      )}
      {mine && !message.deleted && !editing && (
        <fieldset
          className="comment-message__actions"
          aria-label={t("message.actions", { name: message.author.name })}
        >
          <Button size="small" variant="quiet" onPress={() => setEditing(true)}>
            {t("message.edit")}
          </Button>
          <Button
            size="small"
            variant="quiet"
            isPending={remove.isPending}
            pendingLabel={t("message.deleting")}
            onPress={() => {
              if (window.confirm(t("message.confirmDelete"))) remove.mutate();
            }}
          >
            {t("message.delete")}
          </Button>
        </fieldset>
      )}
      {remove.isError && (
        <p className="field__error" role="alert">
          {describeApiError(remove.error)}
        </p>
      )}
    </li>
  );
}
