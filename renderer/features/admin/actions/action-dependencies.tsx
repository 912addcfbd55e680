import { Button, CloseButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

type Dependency = { readonly name: string; readonly version: string };

export interface ActionDependenciesProps {
  value: readonly Dependency[];
  onChange: (next: Dependency[]) => void;
  readOnly: boolean;
}

/** The npm modules the action may `require`, as name@version. */
export function ActionDependencies({ value, onChange, readOnly }: ActionDependenciesProps) {
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const add = () => {
    if (name.trim() === '') return;
    const entry = { name: name.trim(), version: version.trim() || 'latest' };
    onChange([...value.filter((item) => item.name !== entry.name), entry]);
    setName('');
    setVersion('');
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Dependencies
      </Text>
      {value.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <List size="sm" aria-label="Dependencies">
          {value.map((item) => (
            <List.Item key={item.name}>
              <Group gap="xs">
                <Text size="sm" ff="monospace">
                  {item.name}@{item.version}
                </Text>
                {!readOnly && (
                  <CloseButton
                    size="sm"
                    aria-label={`Remove ${item.name}`}
                    onClick={() => onChange(value.filter((other) => other.name !== item.name))}
                  />
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {!readOnly && (
        <Group align="flex-end">
          <TextInput label="Package name" value={name} onChange={(event) => setName(event.currentTarget.value)} />
          <TextInput
            label="Version"
            placeholder="latest"
            value={version}
            onChange={(event) => setVersion(event.currentTarget.value)}
          />
          <Button variant="default" onClick={add} disabled={name.trim() === ''}>
            Add dependency
          </Button>
        </Group>
      )}
    </Stack>
  );
}
