import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { SettingsView as SettingsData } from '../../../common/ipc/settings.contract';
import type { Profile } from '../../../common/settings/profile.schema';
import { readSettings, removeProfile, switchProfile } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { ConnectionCheck } from './connection-check';
import { KeychainHealthPanel } from './keychain-health';
import { PolicySummary } from './policy-summary';
import { draftFromProfile, emptyDraft } from './profile-draft';
import { ProfileForm } from './profile-form';
import { RemoveProfileModal } from './remove-profile-modal';
import { ThemeChoice } from './theme-choice';

export interface SettingsViewProps {
  /** Back to the app; `changed` says whether the active server may differ, so the screens reload. */
  onClose: (changed: boolean) => void;
}

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; profile: Profile };

/** Server profiles: which server the app signs in to, how to reach it, and what the policy manages. */
export function SettingsView({ onClose }: SettingsViewProps) {
  const [data, setData] = useState<SettingsData>();
  const [failure, setFailure] = useState<AppError>();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [changed, setChanged] = useState(false);
  const [removing, setRemoving] = useState<Profile | null>(null);
  const [isRemoveBusy, setRemoveBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const show = (answer: Awaited<ReturnType<typeof readSettings>>) => {
    if (answer.ok) setData(answer.value);
    else setFailure(answer.error);
  };
  const load = async () => show(await readSettings());

  useEffect(() => {
    headingRef.current?.focus();
    let isCurrent = true;
    void readSettings().then((answer) => isCurrent && show(answer));
    return () => {
      isCurrent = false;
    };
  }, []);

  const act = async (pending: Promise<{ ok: boolean; error?: AppError }>) => {
    setFailure(undefined);
    const answer = await pending;
    if (!answer.ok && answer.error) setFailure(answer.error);
    setChanged(true);
    await load();
  };

  if (editing.kind !== 'none' && data) {
    const profileId = editing.kind === 'edit' ? editing.profile.id : '';
    return (
      <Paper component="main" withBorder radius="md" p="lg" w="100%" maw={640}>
        <ProfileForm
          initial={editing.kind === 'edit' ? draftFromProfile(editing.profile) : emptyDraft()}
          isNew={editing.kind === 'new'}
          locked={data.locked[profileId] ?? []}
          onCancel={() => setEditing({ kind: 'none' })}
          onSaved={() => {
            setEditing({ kind: 'none' });
            setChanged(true);
            void load();
          }}
        />
      </Paper>
    );
  }

  const managed = new Set(data?.managedProfileIds ?? []);
  return (
    <Stack component="main" gap="lg" w="100%" maw={760}>
      <Group justify="space-between">
        <Title order={1} ref={headingRef} tabIndex={-1}>
          Settings
        </Title>
        <Button variant="default" onClick={() => onClose(changed)}>
          Done
        </Button>
      </Group>
      {failure && <ErrorCallout error={failure} />}
      <Stack gap="sm" component="section" aria-labelledby="servers-heading">
        <Group justify="space-between">
          <Title order={2} size="h3" id="servers-heading">
            Servers
          </Title>
          {!data?.policy.restrictToManagedProfiles && (
            <Button onClick={() => setEditing({ kind: 'new' })} disabled={!data}>
              Add a server
            </Button>
          )}
        </Group>
        {data?.profiles.map((profile) => {
          const isActive = profile.id === data.activeProfileId;
          const isManaged = managed.has(profile.id);
          return (
            <Paper key={profile.id} withBorder radius="md" p="md" aria-label={profile.name} component="article">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{profile.name}</Text>
                    {isActive && (
                      <Badge color="blue.9" variant="filled">
                        In use
                      </Badge>
                    )}
                    {isManaged && (
                      <Badge color="gray.8" variant="filled">
                        Managed
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">
                    {profile.kind === 'auth0' ? 'Auth0' : 'OAuth 2.0'} · {profile.issuer}
                  </Text>
                  <Text size="sm" c="dimmed">
                    Client {profile.clientId}
                    {profile.realms.length > 0 ? ` · realms ${profile.realms.join(', ')}` : ''}
                  </Text>
                  <ConnectionCheck profileId={profile.id} profileName={profile.name} />
                </Stack>
                <Group gap="xs">
                  {!isActive && (
                    <Button size="xs" onClick={() => act(switchProfile(profile.id))}>
                      Use
                    </Button>
                  )}
                  <Button size="xs" variant="default" onClick={() => setEditing({ kind: 'edit', profile })}>
                    Edit
                  </Button>
                  {!isManaged && !isActive && (
                    <Button size="xs" variant="default" color="red" onClick={() => setRemoving(profile)}>
                      Remove
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <ThemeChoice />
      <KeychainHealthPanel />
      {data && <PolicySummary policy={data.policy} />}
      <RemoveProfileModal
        profile={removing}
        isRemoving={isRemoveBusy}
        onCancel={() => setRemoving(null)}
        onConfirm={(profile) => {
          setRemoveBusy(true);
          void act(removeProfile(profile.id)).finally(() => {
            setRemoveBusy(false);
            setRemoving(null);
          });
        }}
      />
    </Stack>
  );
}
