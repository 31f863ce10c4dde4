import { useState } from "react";
import type { FieldErrors } from "./errors";

/**
 * Values and per-field errors of a small form. Editing a field clears its error, so a message
 * never stays next to a value the user has already corrected.
 */
export function useFormFields<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (field: keyof V & string) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };
  /** A field's name, value, change handler and error, to spread onto a TextField. */
  const field = (name: keyof V & string) => ({
    name,
    value: values[name],
    onChange: set(name),
    error: errors[name],
  });
  return { values, setValues, set, field, errors, setErrors };
}
