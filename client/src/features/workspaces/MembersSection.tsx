import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type Role, roles } from "../../../../shared/roles";
import type { Member } from "../../../../shared/schemas/workspaces";
import { isApiError } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { describeApiError } from "../../forms/errors";
import { useFormatDate } from "../../i18n/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Modal } from "../../ui/Modal";
import { PageError, PageLoading } from "../../ui/PageState";
import { SelectField } from "../../ui/SelectField";
import { useCurrentUser } from "../auth/session";
import { useChangeMemberRole, useMembers, useRemoveMember } from "./workspace-queries";

/** The members table; facilitators change roles and remove members here. */
export function MembersSection({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { t } = useTranslation(["workspaces", "common"]);
  const me = useCurrentUser();
  const formatDate = useFormatDate();
  const members = useMembers(workspaceId);
  const changeRole = useChangeMemberRole(workspaceId);
  const [removing, setRemoving] = useState<Member>();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const roleOptions = roles.map((role) => ({
    id: role,
    label: t(`common:roles.${role}`),
    description: t(`common:roleHints.${role}`),
  }));

  const onRoleChange = (member: Member, role: Role) => {
    setMessage(undefined);
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () =>
          setMessage({
            tone: "success",
            text: t("members.roleChanged", { name: member.name, role: t(`common:roles.${role}`) }),
          }),
        onError: (error) =>
          setMessage({ tone: "error", text: lastFacilitatorOr(error, t("members.lastFacilitator")) }),
      },
    );
  };

  return (
    <section className="section" aria-labelledby="members-title">
      <header className="section__header">
        <h2 id="members-title" className="section__title">
          {t("members.title")}
        </h2>
        {members.data && (
          <span className="section__count">{t("members.count", { count: members.data.length })}</span>
        )}
      </header>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {members.isPending && <PageLoading />}
      {members.isError && <PageError error={members.error} onRetry={() => members.refetch()} />}
      {members.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.joined")}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <tr key={member.userId}>
                <th scope="row" className="table__name">
                  {member.name}
                  {member.userId === me.id && <span className="muted"> ({t("members.you")})</span>}
                </th>
                <td className="muted">{member.email}</td>
                <td>
                  {canManage ? (
                    <SelectField
                      label={t("members.roleOf", { name: member.name })}
                      labelHidden
                      options={roleOptions}
                      value={member.role}
                      onChange={(role) => role !== member.role && onRoleChange(member, role)}
                      isDisabled={changeRole.isPending}
                      className="select--compact"
                    />
                  ) : (
                    t(`common:roles.${member.role}`)
                  )}
                </td>
                <td className="muted">{formatDate(member.joinedAt)}</td>
                {canManage && (
                  <td className="table__actions">
                    <Button
                      variant="quiet"
                      size="small"
                      aria-label={t("members.removeLabel", { name: member.name })}
                      onPress={() => setRemoving(member)}
                    >
                      {t("members.remove")}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && (
        <RemoveMemberDialog
          workspaceId={workspaceId}
          member={removing}
          onClose={() => setRemoving(undefined)}
        />
      )}
    </section>
  );
}

function RemoveMemberDialog({
  workspaceId,
  member,
  onClose,
}: {
  workspaceId: string;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation(["workspaces", "common"]);
  const remove = useRemoveMember(workspaceId);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Leaving the workspace yourself: its page is no longer yours to see.
  const onRemoved = () => {
    onClose();
    if (member.userId === me.id) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspaces });
      void navigate("/", { replace: true });
    }
  };
  return (
    <Modal
      title={t("members.removeTitle", { name: member.name })}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      isDismissable={!remove.isPending}
    >
      <p>{t("members.removeBody", { name: member.name })}</p>
      {remove.isError && <Alert>{lastFacilitatorOr(remove.error, t("members.lastFacilitator"))}</Alert>}
      <div className="form__actions">
        <Button slot="close" variant="quiet" isDisabled={remove.isPending} autoFocus>
          {t("common:actions.cancel")}
        </Button>
        <Button
          variant="danger"
          isPending={remove.isPending}
          pendingLabel={t("members.removing")}
          onPress={() => remove.mutate(member.userId, { onSuccess: onRemoved })}
        >
          {t("members.remove")}
        </Button>
      </div>
    </Modal>
  );
}

/** The server refuses (409) to leave a workspace without a facilitator; say so plainly. */
function lastFacilitatorOr(error: unknown, lastFacilitatorMessage: string): string {
  return isApiError(error, 409) ? lastFacilitatorMessage : describeApiError(error);
}
