import { NumberInput } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface CountFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description: string;
  min: number;
  max: number;
  disabled?: boolean;
}

/** A whole-number field bound to react-hook-form; an empty box is "no number" for the schema to refuse. */
export function CountField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  min,
  max,
  disabled,
}: CountFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          disabled={disabled}
          name={field.name}
          ref={field.ref}
          value={typeof field.value === 'number' ? field.value : ''}
          onBlur={field.onBlur}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
