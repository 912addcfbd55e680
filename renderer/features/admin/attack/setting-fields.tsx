import { Checkbox, Stack, Switch } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
}

/** A setting's on/off switch, bound to react-hook-form. */
export function EnabledSwitch<T extends FieldValues>({
  control,
  name,
  label,
  description,
}: FieldProps<T> & { label: string; description: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Switch
          label={label}
          description={description}
          checked={field.value === true}
          onChange={(event) => field.onChange(event.currentTarget.checked)}
          ref={field.ref}
          name={field.name}
        />
      )}
    />
  );
}

/** "When it triggers": a setting's shields as checkboxes; none checked is Auth0's monitoring mode. */
export function ShieldChoices<T extends FieldValues>({
  control,
  name,
  choices,
}: FieldProps<T> & { choices: readonly { value: string; label: string }[] }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox.Group
          label="When it triggers"
          description="With none, it only logs the events (monitoring mode)"
          value={Array.isArray(field.value) ? field.value : []}
          onChange={(value) => field.onChange(value)}
        >
          <Stack gap={6} mt={6}>
            {choices.map((choice) => (
              <Checkbox key={choice.value} value={choice.value} label={choice.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    />
  );
}
