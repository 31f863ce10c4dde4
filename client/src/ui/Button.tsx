import type { ReactNode } from "react";
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from "react-aria-components";
import { Spinner } from "./Spinner";

export interface ButtonProps extends Omit<AriaButtonProps, "children" | "className"> {
  variant?: "primary" | "secondary" | "quiet" | "danger";
  size?: "normal" | "small";
  /** Shown instead of the children while `isPending`, e.g. "Saving…". */
  pendingLabel?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A button with the app's look; `isPending` shows progress and blocks double submits while staying focusable. */
export function Button({
  variant = "secondary",
  size = "normal",
  pendingLabel,
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={["button", `button--${variant}`, size === "small" && "button--small", className]
        .filter(Boolean)
        .join(" ")}
    >
      {({ isPending }) =>
        isPending ? (
          <>
            <Spinner />
            <span>{pendingLabel ?? children}</span>
          </>
        ) : (
          children
        )
      }
    </AriaButton>
  );
}
