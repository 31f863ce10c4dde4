import type { ReactNode } from "react";
import { Checkbox, type CheckboxProps } from "react-aria-components";

/** A checkbox with a visible box and its label; keyboard (Space) and pointer, styled in components.css. */
export function CheckboxField({
  children,
  className,
  ...props
}: Omit<CheckboxProps, "children" | "className"> & { children: ReactNode; className?: string }) {
  return (
    <Checkbox {...props} className={["checkbox", className].filter(Boolean).join(" ")}>
      {({ isSelected }) => (
        <>
          <span className="checkbox__box" aria-hidden="true">
            {isSelected ? "✓" : ""}
          </span>
          {children}
        </>
      )}
    </Checkbox>
  );
}
