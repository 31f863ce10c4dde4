import type { ReactNode } from "react";
import { Button } from "./Button";

/** A form's primary submit button, on its own row at the start of the form. */
export function SubmitRow({
  isPending,
  pendingLabel,
  children,
}: {
  isPending: boolean;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <div className="form__actions form__actions--start">
      <Button type="submit" variant="primary" isPending={isPending} pendingLabel={pendingLabel}>
        {children}
      </Button>
    </div>
  );
}
