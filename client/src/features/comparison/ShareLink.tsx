import { useTranslation } from "react-i18next";
import { CopyLink } from "../../ui/CopyLink";

/** The saved comparison's link inside the workspace, with a copy button (the link is selected when copying fails). */
export function ShareLink({ path }: { path: string }) {
  const { t } = useTranslation("comparison");
  const url = new URL(path, window.location.origin).toString();
  const messages = {
    label: t("saved.link"),
    copy: t("saved.copy"),
    copied: t("saved.copied"),
    copyFailed: t("saved.copyFailed"),
  };
  return <CopyLink url={url} messages={messages} className="share-link" />;
}
