import type { Ref } from "react";
import { TextField as AriaTextField, FieldError, Input, Label, Text, TextArea } from "react-aria-components";

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field, in red, and announced with the field. */
  error?: string;
  description?: string;
  type?: "text" | "email" | "password" | "url";
  autoComplete?: string;
  isRequired?: boolean;
  isReadOnly?: boolean;
  isDisabled?: boolean;
  autoFocus?: boolean;
  multiline?: boolean;
  maxLength?: number;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input (or textarea) with its description and its error next to it. */
export function TextField({
  label,
  description,
  error,
  multiline,
  inputRef,
  className,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      className={["field", className].filter(Boolean).join(" ")}
      isInvalid={Boolean(error)}
      // Our own validation (shared zod schemas) decides; the browser's bubbles would say it differently.
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {multiline ? (
        <TextArea className="field__input field__input--multiline" rows={4} />
      ) : (
        <Input className="field__input" ref={inputRef} />
      )}
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </AriaTextField>
  );
}
