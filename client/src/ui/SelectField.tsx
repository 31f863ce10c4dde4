import type { Key } from "react-aria-components";
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from "react-aria-components";

export interface SelectOption<K extends string> {
  id: K;
  label: string;
  description?: string;
}

export interface SelectFieldProps<K extends string> {
  /** Visible label; pass `labelHidden` to keep it for screen readers only (e.g. inside a table row). */
  label: string;
  labelHidden?: boolean;
  options: readonly SelectOption<K>[];
  value: K;
  onChange: (value: K) => void;
  error?: string;
  description?: string;
  isDisabled?: boolean;
  name?: string;
  className?: string;
}

/** An accessible single-choice select (React Aria): keyboard operable, labelled, with its error beside it. */
export function SelectField<K extends string>(props: SelectFieldProps<K>) {
  const { label, labelHidden, options, value, onChange, error, description, isDisabled, name, className } =
    props;
  return (
    <Select
      className={["field", "select", className].filter(Boolean).join(" ")}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => key !== null && onChange(String(key) as K)}
      isInvalid={Boolean(error)}
      isDisabled={isDisabled}
      name={name}
    >
      <Label className={labelHidden ? "visually-hidden" : "field__label"}>{label}</Label>
      <Button className="field__input select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="listbox__item">
              <span className="listbox__label">{option.label}</span>
              {option.description && <span className="listbox__description">{option.description}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
