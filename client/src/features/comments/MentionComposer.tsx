import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { COMMENT_LIMITS } from "../../../../shared/schemas/comments";
import type { Member } from "../../../../shared/schemas/workspaces";
import { Button } from "../../ui/Button";
import { insertMention, mentionQueryAt, mentionsIn } from "./mention-text";

/** What a composer sends: the text, and the ids of the members it still mentions. */
export interface ComposedMessage {
  body: string;
  mentions: string[];
}

export interface MentionComposerProps {
  label: string;
  members: Member[];
  initialBody?: string;
  initialMentions?: { id: string; name: string }[];
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  error?: string;
  autoFocus?: boolean;
  onSubmit: (message: ComposedMessage) => void;
  onCancel?: () => void;
}

/**
 * A message field with @mention completion: typing "@" and letters opens a list of workspace
 * members (a combobox: arrows move, Enter or Tab picks, Escape closes). Ctrl+Enter sends.
 */
export function MentionComposer(props: MentionComposerProps) {
  const { t } = useTranslation("comments");
  const id = useId();
  const listId = `${id}-mentions`;
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(props.initialBody ?? "");
  const [picked, setPicked] = useState(
    () => new Map((props.initialMentions ?? []).map((person) => [person.id, person.name])),
  );
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  // Where the caret goes after a pick, applied before the next keystroke can land elsewhere.
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    fieldRef.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });

  const matches = useMemo(() => {
    if (query === null) return [];
    const q = query.toLocaleLowerCase();
    return props.members.filter((m) => m.name.toLocaleLowerCase().includes(q)).slice(0, 8);
  }, [query, props.members]);
  const open = query !== null;

  const updateQuery = (text: string, caret: number) => {
    setQuery(mentionQueryAt(text, caret));
    setActive(0);
  };

  const pick = (member: Member) => {
    const field = fieldRef.current;
    const next = insertMention(body, field?.selectionStart ?? body.length, member.name);
    setBody(next.text);
    setPicked((old) => new Map(old).set(member.userId, member.name));
    setQuery(null);
    caretAfterPick.current = next.caret;
    field?.focus();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() || props.isPending) return;
    props.onSubmit({ body: body.trim(), mentions: mentionsIn(body, picked) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        const member = matches[active];
        if (member) pick(member);
        return;
      }
    }
    if (open && event.key === "Escape") {
      event.preventDefault();
      setQuery(null);
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
    if (event.key === "Escape" && props.onCancel) props.onCancel();
  };

  return (
    <form className="mention-composer" onSubmit={submit}>
      <label className="field__label" htmlFor={`${id}-field`}>
        {props.label}
      </label>
      <div className="mention-composer__field">
        <textarea
          ref={fieldRef}
          id={`${id}-field`}
          className="field__input field__input--multiline"
          rows={3}
          value={body}
          maxLength={COMMENT_LIMITS.bodyMaxLength}
          placeholder={t("composer.placeholder")}
          // biome-ignore lint/a11y/noAutofocus: the composer opens because the user asked to write
          autoFocus={props.autoFocus}
          // A text field with a suggestion list (aria-autocomplete): a textarea may not take the combobox role,
          // so the list's state is announced by the status line below instead of aria-expanded.
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].userId}` : undefined}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            updateQuery(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setQuery(null)}
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t("composer.mentionList")}
          className="mention-composer__list"
          hidden={!open}
        >
          {matches.map((member, index) => (
            <div
              key={member.userId}
              id={`${listId}-${member.userId}`}
              role="option"
              aria-selected={index === active}
              // Focus stays in the field (aria-activedescendant); options are never tab stops.
              tabIndex={-1}
              className="mention-composer__option"
              // Picking with the pointer must not blur the field first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
            >
              {member.name}
            </div>
          ))}
          {open && matches.length === 0 && (
            <div className="mention-composer__empty">{t("composer.noMatches")}</div>
          )}
        </div>
        <p className="visually-hidden" role="status">
          {open && matches.length > 0 ? t("composer.mentionCount", { count: matches.length }) : ""}
        </p>
      </div>
      {props.error && (
        <p className="field__error" role="alert">
          {props.error}
        </p>
      )}
      <div className="mention-composer__actions">
        {props.onCancel && (
          <Button size="small" variant="quiet" onPress={props.onCancel}>
            {t("composer.cancel")}
          </Button>
        )}
        <Button
          size="small"
          variant="primary"
          type="submit"
          isPending={props.isPending}
          pendingLabel={props.pendingLabel}
          isDisabled={!body.trim()}
        >
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
