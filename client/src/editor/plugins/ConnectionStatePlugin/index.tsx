import { useTranslation } from "react-i18next";
import { type ConnectionState, isProblem } from "./connection-state";

export { useConnectionState } from "./connection-state";

/** The connection state in the top bar: one short line, red when the server refused or cannot store. */
export function ConnectionStatePlugin({ state }: { state: ConnectionState }) {
  const { t } = useTranslation("editor");
  const problem = isProblem(state);
  return (
    <p
      className={`connection-state connection-state--${state}${problem ? " connection-state--problem" : ""}`}
      role="status"
      data-state={state}
    >
      <span className="connection-state__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  );
}

/** Above the text, while the server refuses or cannot store: what happened and what to do. */
export function ConnectionProblemBanner({ state }: { state: ConnectionState }) {
  const { t } = useTranslation("editor");
  if (!isProblem(state)) return null;
  return (
    <p className="connection-problem" role="alert" data-problem={state}>
      {t(`connectionProblem.${state}`)}
    </p>
  );
}
