import type { ReactNode } from "react";
import { Button } from "./Button";

export interface SubmitButtonProps {
  isPending: boolean;
  /** Shown while the form is being sent, e.g. "Saving…". */
  pendingLabel: string;
  isDisabled?: boolean;
  className?: string;
  children: ReactNode;
}

/** A form's primary submit button. */
export function SubmitButton(props: SubmitButtonProps) {
  return <Button type="submit" variant="primary" {...props} />;
}

/** A form's primary submit button, on its own row at the start of the form. */
export function SubmitRow(props: SubmitButtonProps) {
  return (
    <div className="form__actions form__actions--start">
      <SubmitButton {...props} />
    </div>
  );
}
