import { useTranslation } from "react-i18next";
import type { UnsavedState } from "../../offline/unsaved-changes";
import { type ConnectionState, isProblem } from "./connection-state";

export { useConnectionState } from "./connection-state";

/**
 * The connection state in the top bar: one short word (red when the server refused or cannot
 * store), and how many own changes the server does not have yet, from the edit until it confirmed.
 */
export function ConnectionStatePlugin({ state, unsaved }: { state: ConnectionState; unsaved: UnsavedState }) {
  const { t } = useTranslation("editor");
  const problem = isProblem(state);
  const waiting = unsaved.notOnServer;
  return (
    <p
      className={`connection-state connection-state--${state}${problem ? " connection-state--problem" : ""}`}
      role="status"
      data-state={state}
      data-unsaved={waiting}
    >
      <span className="connection-state__dot" aria-hidden="true" />
      <span className="connection-state__label">{t(`connection.${state}`)}</span>
      {waiting > 0 && (
        <span className="connection-state__unsaved" data-offline={state !== "connected" || undefined}>
          {t("unsaved.count", { count: waiting })}
        </span>
      )}
    </p>
  );
}

/**
 * Above the text, in the flow (it never covers a control): why edits do not reach the server and
 * what happens to them — kept on this device, or at risk when the browser keeps nothing.
 */
export function ConnectionProblemBanner({
  state,
  keptLocally,
}: {
  state: ConnectionState;
  keptLocally: boolean;
}) {
  const { t } = useTranslation("editor");
  if (isProblem(state)) {
    return (
      <p className="connection-problem" role="alert" data-problem={state}>
        {t(`connectionProblem.${state}`)}
      </p>
    );
  }
  if (state !== "offline") return null;
  return (
    <p className="connection-offline" data-kept={keptLocally || undefined}>
      {t(keptLocally ? "offlineBanner.kept" : "offlineBanner.notKept")}
    </p>
  );
}
