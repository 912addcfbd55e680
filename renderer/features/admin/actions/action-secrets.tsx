import { Badge, Button, CloseButton, Group, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

export interface ActionSecretsProps {
  names: readonly string[];
  /** Names given a value in this draft (shown as "new value", never the value). */
  newValues: Readonly<Record<string, string>>;
  onChange: (names: string[], newValues: Record<string, string>) => void;
  readOnly: boolean;
}

const secretName = /^[A-Za-z0-9_]{1,128}$/;

/**
 * Secrets are write-only: once saved, a value is never shown again, only that it is set. Typing a value for
 * an existing name replaces it on apply.
 */
export function ActionSecrets({ names, newValues, onChange, readOnly }: ActionSecretsProps) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const nameProblem = name !== '' && !secretName.test(name) ? 'Use letters, digits and _' : undefined;
  const add = () => {
    if (name === '' || value === '' || nameProblem) return;
    onChange(names.includes(name) ? [...names] : [...names, name], { ...newValues, [name]: value });
    setName('');
    setValue('');
  };
  const remove = (gone: string) => {
    const rest = Object.fromEntries(Object.entries(newValues).filter(([key]) => key !== gone));
    onChange(
      names.filter((item) => item !== gone),
      rest,
    );
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Secrets
      </Text>
      <Text size="xs" c="dimmed">
        The action reads them as event.secrets.NAME. A saved value is never shown again.
      </Text>
      {names.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <List size="sm" aria-label="Secrets">
          {names.map((item) => (
            <List.Item key={item}>
              <Group gap="xs">
                <Text size="sm" ff="monospace">
                  {item}
                </Text>
                <Badge size="sm" variant="filled" radius="sm" color={item in newValues ? 'orange.9' : 'gray.7'}>
                  {item in newValues ? 'new value (not applied yet)' : 'set'}
                </Badge>
                {!readOnly && (
                  <CloseButton size="sm" aria-label={`Remove secret ${item}`} onClick={() => remove(item)} />
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {!readOnly && (
        <Group align="flex-start">
          <TextInput
            label="Secret name"
            value={name}
            error={nameProblem}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <PasswordInput
            label="Value"
            description="Write-only"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
          <Button variant="default" mt={24} onClick={add} disabled={name === '' || value === '' || !!nameProblem}>
            {names.includes(name) ? 'Replace value' : 'Add secret'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
