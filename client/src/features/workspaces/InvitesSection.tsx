import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, roles } from "../../../../shared/roles";
import { describeApiError } from "../../forms/errors";
import { useFormatDate } from "../../i18n/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { CopyLink } from "../../ui/CopyLink";
import { PageError, PageLoading } from "../../ui/PageState";
import { SelectField } from "../../ui/SelectField";
import { useCreateInvite, useInvites, useRevokeInvite } from "./workspace-queries";

/** Facilitators: create an invitation link for a role, copy it, see the open ones, revoke. */
export function InvitesSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation(["workspaces", "common"]);
  const formatDate = useFormatDate();
  const invites = useInvites(workspaceId, true);
  const create = useCreateInvite(workspaceId);
  const revoke = useRevokeInvite(workspaceId);
  const [role, setRole] = useState<Role>("editor");
  const [created, setCreated] = useState<{ id: string; role: Role; url: string }>();
  // The new link is offered only while its invitation is open: revoked, used or expired, it is not copied again.
  const createdOpen =
    created !== undefined && (invites.isFetching || (invites.data ?? []).some((i) => i.id === created.id));
  const roleOptions = roles.map((r) => ({
    id: r,
    label: t(`common:roles.${r}`),
    description: t(`common:roleHints.${r}`),
  }));

  return (
    <section className="section" aria-labelledby="invites-title">
      <header className="section__header">
        <h2 id="invites-title" className="section__title">
          {t("invites.title")}
        </h2>
      </header>
      <p className="section__intro">{t("invites.intro")}</p>

      <form
        className="invite-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(role, {
            onSuccess: ({ url, invite }) => setCreated({ id: invite.id, role: invite.role, url }),
          });
        }}
      >
        <SelectField
          label={t("invites.role")}
          options={roleOptions}
          value={role}
          onChange={setRole}
          name="role"
        />
        <Button
          type="submit"
          variant="primary"
          isPending={create.isPending}
          pendingLabel={t("invites.creating")}
        >
          {t("invites.create")}
        </Button>
      </form>
      {create.isError && <Alert>{describeApiError(create.error)}</Alert>}

      {created && createdOpen && (
        <div className="invite-created" role="status">
          <h3 className="invite-created__title">
            {t("invites.newLink", { role: t(`common:roles.${created.role}`) })}
          </h3>
          <p className="muted">{t("invites.newLinkHint")}</p>
          <CopyLink
            url={created.url}
            labelHidden
            messages={{
              label: t("invites.link"),
              copy: t("invites.copy"),
              copied: t("invites.copied"),
              copyFailed: t("invites.copyFailed"),
            }}
          />
        </div>
      )}

      <h3 className="subsection-title">{t("invites.open")}</h3>
      {invites.isPending && <PageLoading />}
      {invites.isError && <PageError error={invites.error} onRetry={() => invites.refetch()} />}
      {revoke.isError && <Alert>{describeApiError(revoke.error)}</Alert>}
      {invites.data?.length === 0 && <p className="muted">{t("invites.none")}</p>}
      {invites.data && invites.data.length > 0 && (
        <ul className="invite-list">
          {invites.data.map((invite) => {
            const roleName = t(`common:roles.${invite.role}`);
            return (
              <li key={invite.id} className="invite-list__item">
                <span className={`role-badge role-badge--${invite.role}`}>{roleName}</span>
                <span className="invite-list__meta">
                  {t("invites.createdBy", { name: invite.createdBy, date: formatDate(invite.createdAt) })}
                  {" · "}
                  {t("invites.expires", { date: formatDate(invite.expiresAt) })}
                </span>
                <Button
                  variant="quiet"
                  size="small"
                  aria-label={t("invites.revokeLabel", { role: roleName })}
                  isPending={revoke.isPending && revoke.variables === invite.id}
                  pendingLabel={t("invites.revoking")}
                  onPress={() => revoke.mutate(invite.id)}
                >
                  {t("invites.revoke")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
