import type { ReactNode } from "react";

/** A message about a whole form or page: errors interrupt (role=alert), confirmations wait their turn (role=status). */
export function Alert({
  tone = "error",
  children,
}: {
  tone?: "error" | "success" | "info";
  children: ReactNode;
}) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
