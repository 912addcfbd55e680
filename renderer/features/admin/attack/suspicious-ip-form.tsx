import { SimpleGrid, Stack, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import type { Json } from '../staging/staged-change';
import { useStagedDraft } from '../staging/use-staged-draft';
import { AllowlistField } from './allowlist-field';
import { SuspiciousIpForm } from './attack-form-schema';
import { suspiciousIpDraft, suspiciousIpForm } from './attack-form-values';
import { suspiciousIpKey, suspiciousIpChange } from './attack-staging';
import { attackUpdateScopes } from './brute-force-form';
import { EnabledSwitch, ShieldChoices } from './setting-fields';
import { StageFooter } from './stage-footer';
import { ThrottleStageFields } from './throttle-stage-fields';

/**
 * Suspicious-IP throttling: how many failures (sign-ins) or sign-ups one address may make before it is slowed
 * down, how fast it earns attempts back, what happens, and the addresses never throttled.
 */
export function SuspiciousIpSettingsForm({ live }: { live: Json }) {
  const headingId = useId();
  const { staged, base, start, notice, stageDraft } = useStagedDraft(suspiciousIpKey, live);
  const { control, handleSubmit } = useForm<SuspiciousIpForm>({
    resolver: zodResolver(SuspiciousIpForm),
    mode: 'onChange',
    values: suspiciousIpForm(start),
    resetOptions: { keepDirtyValues: true },
  });

  const stage = handleSubmit((form) => stageDraft(suspiciousIpDraft(form, base), suspiciousIpChange));

  return (
    <form onSubmit={(event) => void stage(event)} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Suspicious-IP throttling
        </Title>
        <EnabledSwitch
          control={control}
          name="enabled"
          label="Suspicious-IP throttling is on"
          description="Slows down an address that fails sign-ins for many accounts, or signs up too often"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ThrottleStageFields control={control} stage="pre-login" />
          <ThrottleStageFields control={control} stage="pre-user-registration" />
        </SimpleGrid>
        <ShieldChoices
          control={control}
          name="shields"
          choices={[
            { value: 'block', label: 'Refuse the address (HTTP 429)' },
            { value: 'admin_notification', label: 'Email the tenant’s admins' },
          ]}
        />
        <AllowlistField
          label="Never throttle these addresses"
          description="Your office, your own backend, a load test."
          control={control}
          name="allowlist"
        />
        <StageFooter needs={attackUpdateScopes} isStaged={staged !== undefined} notice={notice} />
      </Stack>
    </form>
  );
}
