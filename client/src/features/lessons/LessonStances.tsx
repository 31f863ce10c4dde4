import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LessonStance } from "../../../../shared/lessons";
import type { Lesson } from "../../../../shared/schemas/lessons";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/TextField";
import { useClearStance, useSetStance } from "./lesson-queries";

function StanceList({
  title,
  stances,
  tone,
}: {
  title: string;
  stances: Lesson["endorsements"];
  tone: LessonStance;
}) {
  const { t } = useTranslation("lessons");
  return (
    <div className={`lesson-stances__list lesson-stances__list--${tone}`}>
      <h3 className="lesson-stances__title">{title}</h3>
      {stances.length === 0 ? (
        <p className="muted">{t("stance.none")}</p>
      ) : (
        <ul>
          {stances.map((s) => (
            <li key={s.userId}>
              <strong>{s.userName}</strong>
              {s.reason && <span className="lesson-stances__reason"> — {s.reason}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Who endorses and who objects (with reasons), and — for those who may weigh — one's own stance. */
export function LessonStances({
  workspaceId,
  lesson,
  canWeigh,
}: {
  workspaceId: string;
  lesson: Lesson;
  canWeigh: boolean;
}) {
  const { t } = useTranslation(["lessons", "common"]);
  const setStance = useSetStance(workspaceId);
  const clearStance = useClearStance(workspaceId);
  const [draft, setDraft] = useState<LessonStance | null>(null);
  const [reason, setReason] = useState("");
  const error = setStance.error ?? clearStance.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setStance.mutate(
      { lessonId: lesson.id, stance: draft, reason: reason.trim() },
      {
        onSuccess: () => {
          setDraft(null);
          setReason("");
        },
      },
    );
  };

  return (
    <div className="lesson-stances">
      <div className="lesson-stances__lists">
        <StanceList
          title={t("stance.endorsements", { count: lesson.endorsements.length })}
          stances={lesson.endorsements}
          tone="endorse"
        />
        <StanceList
          title={t("stance.objections", { count: lesson.objections.length })}
          stances={lesson.objections}
          tone="object"
        />
      </div>
      {canWeigh && (
        <div className="lesson-stances__mine">
          {lesson.myStance && (
            <span className="lesson-stances__me">
              {t("stance.mine", {
                stance: t(lesson.myStance === "endorse" ? "stance.endorsed" : "stance.objected"),
              })}
            </span>
          )}
          {draft === null ? (
            <div className="lesson-stances__actions">
              <Button
                size="small"
                onPress={() => setDraft("endorse")}
                isDisabled={lesson.myStance === "endorse"}
              >
                {t("stance.endorse")}
              </Button>
              <Button
                size="small"
                onPress={() => setDraft("object")}
                isDisabled={lesson.myStance === "object"}
              >
                {t("stance.object")}
              </Button>
              {lesson.myStance && (
                <Button
                  size="small"
                  variant="quiet"
                  isPending={clearStance.isPending}
                  onPress={() => clearStance.mutate(lesson.id)}
                >
                  {t("stance.withdraw")}
                </Button>
              )}
            </div>
          ) : (
            <form className="lesson-stances__form" onSubmit={submit} noValidate>
              <TextField
                label={t("stance.reason")}
                name="reason"
                value={reason}
                onChange={setReason}
                description={t("stance.reasonHint")}
                maxLength={500}
                autoFocus
              />
              <div className="lesson-stances__actions">
                <Button
                  size="small"
                  variant="primary"
                  type="submit"
                  isPending={setStance.isPending}
                  pendingLabel={t("stance.saving")}
                >
                  {draft === "endorse" ? t("stance.endorse") : t("stance.object")}
                </Button>
                <Button size="small" variant="quiet" onPress={() => setDraft(null)}>
                  {t("common:actions.cancel")}
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
      {error && <Alert>{describeApiError(error)}</Alert>}
    </div>
  );
}
