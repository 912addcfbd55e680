import { Textarea } from '@mantine/core';

export interface CodeFieldProps {
  label: string;
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  description?: string;
}

/** The actions screens' code box: one place to swap for the pane's shared code editor. */
export function CodeField({ label, value, onChange, readOnly = false, description }: CodeFieldProps) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      readOnly={readOnly}
      onChange={(event) => onChange?.(event.currentTarget.value)}
      autosize
      minRows={8}
      maxRows={24}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
    />
  );
}
