import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../shared/roles";
import type { DocumentSummary } from "../../../../shared/schemas/documents";
import { meetingIcsPath } from "../../../../shared/schemas/meetings";
import { ApiError } from "../../api/client";
import { describeApiError } from "../../forms/errors";
import { useFormatDate } from "../../i18n/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { useMailStatus } from "../auth/password-reset-queries";
import { useMailMeetingInvite } from "./meeting-queries";
import "./meetings.css";

/**
 * A dated meeting in calendars: the .ics download for every member and, when the server sends
 * email, "Uitnodiging mailen" for facilitators — confirmed in a dialog, then the count of members mailed.
 */
export function MeetingCalendarActions({ document, role }: { document: DocumentSummary; role: Role }) {
  const { t } = useTranslation("meetings");
  const mailStatus = useMailStatus();
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<number>();
  if (document.kind !== "meeting" || !document.meetingDate) return null;
  const canInvite = role === "facilitator" && mailStatus.data?.enabled === true;
  return (
    <div className="meeting-calendar">
      <div className="meeting-calendar__actions">
        <a className="button button--secondary button--small" href={meetingIcsPath(document.id)} download>
          {t("download")}
        </a>
        {canInvite && (
          <Button
            size="small"
            onPress={() => {
              setSent(undefined);
              setConfirming(true);
            }}
          >
            {t("invite.open")}
          </Button>
        )}
      </div>
      <p className="meeting-calendar__status" role="status">
        {sent !== undefined && t("invite.sent", { count: sent })}
      </p>
      {confirming && (
        <MeetingInviteDialog
          document={document}
          onClose={() => setConfirming(false)}
          onSent={(count) => {
            setConfirming(false);
            setSent(count);
          }}
        />
      )}
    </div>
  );
}

/** Asks before the whole group is mailed; shows progress, and the server's refusal in words. */
function MeetingInviteDialog({
  document,
  onClose,
  onSent,
}: {
  document: DocumentSummary;
  onClose: () => void;
  onSent: (count: number) => void;
}) {
  const { t } = useTranslation(["meetings", "common"]);
  const formatDate = useFormatDate();
  const invite = useMailMeetingInvite(document.id);
  const words = {
    title: document.title,
    date: formatDate(document.meetingDate ?? ""),
    place: document.meetingPlace ?? "",
  };
  return (
    <Modal
      title={t("invite.title")}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      isDismissable={!invite.isPending}
    >
      <p>{document.meetingPlace ? t("invite.bodyPlace", words) : t("invite.body", words)}</p>
      {invite.isError && <Alert>{inviteErrorText(invite.error, t)}</Alert>}
      <div className="form__actions">
        <Button slot="close" variant="quiet" isDisabled={invite.isPending} autoFocus>
          {t("common:actions.cancel")}
        </Button>
        <Button
          variant="primary"
          isPending={invite.isPending}
          pendingLabel={t("invite.sending")}
          onPress={() => invite.mutate(undefined, { onSuccess: (result) => onSent(result.sent) })}
        >
          {t("invite.send")}
        </Button>
      </div>
    </Modal>
  );
}

type MeetingsT = ReturnType<typeof useTranslation<["meetings", "common"]>>["t"];

/** Email off and the hourly limit in this feature's words; anything else as the app says it elsewhere. */
function inviteErrorText(error: unknown, t: MeetingsT): string {
  if (error instanceof ApiError && error.status === 409 && error.reason === "mail_off")
    return t("invite.mailOff");
  if (error instanceof ApiError && error.status === 429)
    return t("invite.tooMany", { count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  return describeApiError(error);
}
