import { Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { adminDeleteConnection, adminGetConnection } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { FactList } from '../shared/fact-list';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { strategyWords } from './connection-words';
import { FocusedError } from '../shared/focused-error';
import { readRealmSettings } from './realm-stage';
import { RealmSettingsForm } from './realm-settings-form';
import { RealmTrySignIn } from './realm-try-sign-in';

export interface ConnectionDetailProps {
  id: string;
  onBack: (notice?: string) => void;
}

/**
 * One realm: its facts, its settings (staged through the pending-changes tray), a test sign-in, and deletion.
 * The server refuses to delete a realm that still has users (409); that refusal is shown as it came.
 */
export function ConnectionDetail({ id, onBack }: ConnectionDetailProps) {
  const connection = useAdminLoad(['connection', id], () => adminGetConnection(id));
  const settings = useAdminLoad(['realm-settings', id], () => readRealmSettings(id));
  const write = useAdminWrite();
  const [isAsking, setAsking] = useState(false);
  const [typedName, setTypedName] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = connection.value;
  const isDatabase = current?.strategy === 'auth0';

  useEffect(() => headingRef.current?.focus(), []);

  const remove = async () => {
    if (typedName !== current?.name) return;
    const isDone = await write.run('delete', () => adminDeleteConnection(id));
    setAsking(false);
    if (isDone) onBack(`The realm “${current.name}” was deleted.`);
  };

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={() => onBack()}>
          <span aria-hidden>←&nbsp;</span>Back to realms
        </Button>
      </Group>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={3} ref={headingRef} tabIndex={-1}>
            Realm: {current?.name ?? '…'}
          </Title>
          {connection.error && <ErrorCallout error={connection.error} />}
          {!current && connection.isLoading && <LoadingLine label="Loading the realm…" />}
          {current && (
            <FactList
              facts={[
                ['ID', <Code key="id">{current.id}</Code>],
                ['Display name', current.display_name ?? undefined],
                ['Kind', strategyWords(current.strategy)],
              ]}
            />
          )}
          {write.failure && <FocusedError error={write.failure} />}
          {current && (
            <Group>
              <WriteButton
                needs={['delete:connections']}
                // Filled: an outlined red.9 label is too faint on the dark theme's background (axe, dark).
                variant="filled"
                color="red.9"
                onClick={() => {
                  setTypedName('');
                  setAsking(true);
                }}
              >
                Delete realm
              </WriteButton>
            </Group>
          )}
        </Stack>
      </Paper>
      {settings.error && <ErrorCallout error={settings.error} />}
      {!settings.value && settings.isLoading && <LoadingLine label="Loading the realm's settings…" />}
      {current && settings.value && isDatabase && (
        <RealmSettingsForm key={JSON.stringify(settings.value)} id={id} name={current.name} settings={settings.value} />
      )}
      {current && isDatabase && <RealmTrySignIn realm={current.name} />}
      <ConfirmDialog
        isOpen={isAsking}
        title={`Delete the realm “${current?.name ?? ''}”?`}
        confirmLabel="Delete realm"
        isBusy={write.busy === 'delete'}
        isConfirmBlocked={typedName !== current?.name}
        onConfirm={remove}
        onCancel={() => setAsking(false)}
      >
        <Text size="sm">
          No one can sign in with the “{current?.name}” realm afterwards, and applications lose it from their realm
          list. The server refuses if the realm still has users. This cannot be undone.
        </Text>
        <TextInput
          label={`Type the realm's name (${current?.name ?? ''}) to delete it`}
          value={typedName}
          onChange={(event) => setTypedName(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </ConfirmDialog>
    </Stack>
  );
}
