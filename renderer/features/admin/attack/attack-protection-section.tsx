import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useId } from 'react';
import {
  adminGetBruteForce,
  adminGetSuspiciousIp,
  adminUpdateBruteForce,
  adminUpdateSuspiciousIp,
} from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { FactList } from '../shared/fact-list';
import { LoadingLine } from '../shared/loading-line';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { FocusedError } from '../shared/focused-error';

const updateScopes = ['update:attack_protection'];

/** Brute-force protection and suspicious-IP throttling: on or off, with their current limits. */
export function AttackProtectionSection() {
  const { can } = useAdminSession();
  const headingId = useId();
  const reasonId = useId();
  const bruteForce = useAdminLoad(['brute-force'], adminGetBruteForce);
  const suspiciousIp = useAdminLoad(['suspicious-ip'], adminGetSuspiciousIp);
  const write = useAdminWrite();
  const canUpdate = can(updateScopes);
  const preLogin = suspiciousIp.value?.stage?.['pre-login'];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId}>
          Attack protection
        </Title>
        {!canUpdate && (
          <Text size="xs" c="dimmed" id={reasonId}>
            Read-only: needs {updateScopes.join(' or ')}
          </Text>
        )}
        {write.failure && <FocusedError error={write.failure} />}
        {bruteForce.error && <ErrorCallout error={bruteForce.error} />}
        {bruteForce.isLoading && !bruteForce.value && <LoadingLine label="Loading brute-force protection…" />}
        {bruteForce.value && (
          <Stack gap="xs">
            <Switch
              label="Brute-force protection"
              description="Locks an account on one address after too many wrong passwords"
              checked={bruteForce.value.enabled}
              disabled={!canUpdate || write.busy !== undefined}
              aria-describedby={canUpdate ? undefined : reasonId}
              onChange={(event) => {
                const enabled = event.currentTarget.checked;
                void write.run('brute-force', () => adminUpdateBruteForce({ enabled }), bruteForce.replace);
              }}
            />
            <FactList
              facts={[
                ['Failed attempts allowed', bruteForce.value.max_attempts],
                [
                  'Counted per',
                  bruteForce.value.mode === 'count_per_identifier' ? 'account' : 'account and IP address',
                ],
              ]}
            />
          </Stack>
        )}
        {suspiciousIp.error && <ErrorCallout error={suspiciousIp.error} />}
        {suspiciousIp.isLoading && !suspiciousIp.value && <LoadingLine label="Loading suspicious-IP throttling…" />}
        {suspiciousIp.value && (
          <Stack gap="xs">
            <Switch
              label="Suspicious-IP throttling"
              description="Slows down an address that fails sign-ins for many accounts"
              checked={suspiciousIp.value.enabled}
              disabled={!canUpdate || write.busy !== undefined}
              aria-describedby={canUpdate ? undefined : reasonId}
              onChange={(event) => {
                const enabled = event.currentTarget.checked;
                void write.run('suspicious-ip', () => adminUpdateSuspiciousIp({ enabled }), suspiciousIp.replace);
              }}
            />
            <FactList facts={[['Failures allowed per address before sign-in', preLogin?.max_attempts]]} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
