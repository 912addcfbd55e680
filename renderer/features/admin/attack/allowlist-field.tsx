import { List, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { allowlistLines, allowlistProblems } from './attack-form-schema';

export interface AllowlistFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description: string;
}

/**
 * An allow-list as one entry a line. Every line is checked as the admin types (the same check the contract
 * makes), and each problem names its line in plain words; the count says how many entries the tenant will get.
 */
export function AllowlistField<T extends FieldValues>({ control, name, label, description }: AllowlistFieldProps<T>) {
  const problemsId = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const text = typeof field.value === 'string' ? field.value : '';
        const problems = allowlistProblems(text);
        const count = allowlistLines(text).length;
        return (
          <div>
            <Textarea
              label={label}
              description={`${description} One IPv4 or IPv6 address or CIDR range a line, like 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32.`}
              rows={4}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              error={
                problems.length > 0
                  ? `${problems.length} ${problems.length === 1 ? 'entry needs' : 'entries need'} fixing (listed below).`
                  : undefined
              }
              aria-describedby={problems.length > 0 ? problemsId : undefined}
              name={field.name}
              ref={field.ref}
              value={text}
              onBlur={field.onBlur}
              onChange={(event) => field.onChange(event.currentTarget.value)}
            />
            <Text size="xs" mt={4}>
              {count === 0 ? 'No entries: every address is counted.' : `${count} ${count === 1 ? 'entry' : 'entries'}.`}
            </Text>
            {problems.length > 0 && (
              <List id={problemsId} size="sm" c="red.8" mt={4} aria-label={`Problems in ${label}`}>
                {problems.map((problem) => (
                  <List.Item key={problem}>{problem}</List.Item>
                ))}
              </List>
            )}
          </div>
        );
      }}
    />
  );
}
