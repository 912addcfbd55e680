import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { adminGetBruteForce, adminGetSuspiciousIp } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { useAdminLoad } from '../use-admin-load';
import { bruteForceValue, suspiciousIpValue } from './attack-staging';
import { BruteForceSettingsForm } from './brute-force-form';
import { SuspiciousIpSettingsForm } from './suspicious-ip-form';

/**
 * Brute-force protection and suspicious-IP throttling, every setting editable. Changes are staged: they go
 * to the pending-changes tray, which diffs them against the tenant and applies them.
 */
export function AttackProtectionSection() {
  const headingId = useId();
  const bruteForce = useAdminLoad(['brute-force'], adminGetBruteForce);
  const suspiciousIp = useAdminLoad(['suspicious-ip'], adminGetSuspiciousIp);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Title order={3} id={headingId}>
            Attack protection
          </Title>
          <Text size="sm">Changes here are staged first: apply them from Pending changes at the top.</Text>
        </div>
        {bruteForce.error && <ErrorCallout error={bruteForce.error} />}
        {bruteForce.isLoading && !bruteForce.value && <LoadingLine label="Loading brute-force protection…" />}
        {bruteForce.value && <BruteForceSettingsForm live={bruteForceValue(bruteForce.value)} />}
        <Divider />
        {suspiciousIp.error && <ErrorCallout error={suspiciousIp.error} />}
        {suspiciousIp.isLoading && !suspiciousIp.value && <LoadingLine label="Loading suspicious-IP throttling…" />}
        {suspiciousIp.value && <SuspiciousIpSettingsForm live={suspiciousIpValue(suspiciousIp.value)} />}
      </Stack>
    </Paper>
  );
}
