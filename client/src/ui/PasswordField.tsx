import { TextField, type TextFieldProps } from "./TextField";

/** A required password input; `autoComplete` tells password managers whether to fill or to generate one. */
export function PasswordField(
  props: Omit<TextFieldProps, "type" | "isRequired" | "autoComplete"> & {
    autoComplete: "current-password" | "new-password";
  },
) {
  return <TextField {...props} type="password" isRequired />;
}
