import type { UseQueryResult } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CommentThread, PassageAnchor } from "../../../../shared/schemas/comments";
import type { PassageState } from "../../editor/plugins/CommentPlugin/comment-bridge";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { useMembers } from "../workspaces/workspace-queries";
import { useCreateThread } from "./comment-queries";
import { MentionComposer } from "./MentionComposer";
import { ThreadCard } from "./ThreadCard";

/** A thread being written, before it exists. */
export type Draft =
  | { target: "passage"; anchor: PassageAnchor }
  | { target: "lesson"; lessonId: string }
  | { target: "document" };

/** Bumped when a thread should be brought into view (and maybe focused). */
export interface ScrollRequest {
  count: number;
  moveFocus: boolean;
}

type Filter = "open" | "resolved" | "all";
const filters: Filter[] = ["open", "resolved", "all"];

export interface ThreadPanelProps {
  workspaceId: string;
  documentId: string;
  threads: UseQueryResult<CommentThread[]>;
  passageStates: Map<string, PassageState>;
  activeThreadId: string | null;
  scrollRequest: ScrollRequest;
  onActivate: (threadId: string) => void;
  draft: Draft | null;
  onDraft: (draft: Draft | null) => void;
  onCreated: (threadId: string) => void;
  me: string;
  canComment: boolean;
  canModerate: boolean;
}

/** The panel beside the editor: a new thread being written, then the threads (open, resolved or all). */
export function ThreadPanel(props: ThreadPanelProps) {
  const { t } = useTranslation("comments");
  const { threads, draft, activeThreadId, scrollRequest } = props;
  const members = useMembers(props.workspaceId).data ?? [];
  const create = useCreateThread(props.documentId);
  const [filter, setFilter] = useState<Filter>("open");
  const cards = useRef(new Map<string, HTMLElement>());

  const active = threads.data?.find((thread) => thread.id === activeThreadId);
  // A thread asked for (highlight clicked, link followed) is shown even when the filter hides it.
  useEffect(() => {
    if (active && filter !== "all" && active.resolved !== (filter === "resolved")) setFilter("all");
  }, [active, filter]);
  useEffect(() => {
    if (!activeThreadId || scrollRequest.count === 0) return;
    const card = cards.current.get(activeThreadId);
    card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    if (scrollRequest.moveFocus) card?.focus({ preventScroll: true });
  }, [activeThreadId, scrollRequest]);

  const shown = (threads.data ?? []).filter(
    (thread) => filter === "all" || thread.resolved === (filter === "resolved"),
  );

  return (
    <aside className="comment-panel" aria-label={t("panel.label")}>
      <div className="comment-panel__header">
        <h2 className="comment-panel__heading">
          {t("panel.heading")}
          {threads.isFetching && <Spinner />}
        </h2>
        <fieldset className="comment-panel__filter">
          <legend className="visually-hidden">{t("panel.show")}</legend>
          {filters.map((f) => (
            <button
              key={f}
              type="button"
              className="comment-panel__filter-button"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {t(`panel.filter.${f}`)}
            </button>
          ))}
        </fieldset>
      </div>

      {props.canComment ? (
        <>
          <p className="comment-panel__hint">{t("panel.hint")}</p>
          {!draft && (
            <Button size="small" onPress={() => props.onDraft({ target: "document" })}>
              {t("panel.commentOnDocument")}
            </Button>
          )}
        </>
      ) : (
        <p className="comment-panel__hint">{t("panel.readOnlyHint")}</p>
      )}

      {draft && props.canComment && (
        <section
          className="comment-thread comment-thread--draft"
          aria-label={t(`draft.${draft.target}Title`)}
        >
          <h3 className="comment-thread__target">{t(`draft.${draft.target}Title`)}</h3>
          {draft.target === "passage" && (
            <blockquote className="comment-thread__quote" aria-label={t("thread.quote")}>
              {draft.anchor.quote}
            </blockquote>
          )}
          <MentionComposer
            label={t("composer.label")}
            members={members}
            submitLabel={t("composer.send")}
            pendingLabel={t("composer.sending")}
            isPending={create.isPending}
            error={create.isError ? describeApiError(create.error) : undefined}
            autoFocus
            onCancel={() => {
              create.reset();
              props.onDraft(null);
            }}
            onSubmit={(message) =>
              create.mutate(
                { ...draft, ...message },
                {
                  onSuccess: (thread) => {
                    props.onDraft(null);
                    props.onCreated(thread.id);
                  },
                },
              )
            }
          />
        </section>
      )}

      {threads.isError && (
        <Alert>
          {t("panel.loadFailed")} {describeApiError(threads.error)}
        </Alert>
      )}
      {threads.isPending && <Spinner />}
      {threads.data && shown.length === 0 && (
        <p className="comment-panel__empty">
          {filter === "resolved" ? t("panel.emptyResolved") : t("panel.empty")}
        </p>
      )}
      <div className="comment-panel__threads">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            ref={(element) => {
              if (element) cards.current.set(thread.id, element);
              else cards.current.delete(thread.id);
            }}
            thread={thread}
            localState={props.passageStates.get(thread.id)}
            active={thread.id === activeThreadId}
            me={props.me}
            canComment={props.canComment}
            canModerate={props.canModerate}
            members={members}
            onActivate={() => props.onActivate(thread.id)}
          />
        ))}
      </div>
    </aside>
  );
}
