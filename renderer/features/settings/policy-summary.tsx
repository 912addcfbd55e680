import { List, Stack, Text, Title } from '@mantine/core';
import type { SettingsView } from '../../../common/ipc/settings.contract';

/** What the organisation's managed policy decides, in plain words, so nobody hunts for a greyed-out reason. */
export function PolicySummary({ policy }: { policy: SettingsView['policy'] }) {
  const rules = [
    policy.restrictToManagedProfiles && 'Only the servers your organisation set up can be used.',
    policy.allowedRealms && `Sign-in is allowed to these realms only: ${policy.allowedRealms.join(', ')}.`,
    !policy.persistSessions && 'Sessions are not kept after Gatehouse quits.',
    policy.keychainUnavailable === 'refuse' && 'Sign-in is refused when the system keychain is unavailable.',
    !policy.showAdminPane && 'The admin pane is turned off.',
    policy.idleLockMinutes !== undefined && `Gatehouse locks after ${policy.idleLockMinutes} minutes of inactivity.`,
  ].filter((rule): rule is string => typeof rule === 'string');
  return (
    <Stack gap="xs" component="section" aria-labelledby="policy-heading">
      <Title order={2} size="h3" id="policy-heading">
        Managed by your organisation
      </Title>
      {rules.length === 0 ? (
        <Text size="sm">No policy is set on this computer.</Text>
      ) : (
        <List size="sm">
          {rules.map((rule) => (
            <List.Item key={rule}>{rule}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
