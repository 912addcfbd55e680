import { Checkbox, Fieldset, SimpleGrid, Stack, Switch, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { jsonEqual } from '../staging/json-equal';
import type { Json } from '../staging/staged-change';
import { useStaging } from '../staging/staging-store';
import { AllowlistField } from './allowlist-field';
import { SuspiciousIpForm } from './attack-form-schema';
import { rateWords, suspiciousIpDraft, suspiciousIpForm } from './attack-form-values';
import { suspiciousIpKey, suspiciousIpChange } from './attack-staging';
import { attackUpdateScopes } from './brute-force-form';
import { CountField } from './count-field';
import { StageFooter } from './stage-footer';

/**
 * Suspicious-IP throttling: how many failures (sign-ins) or sign-ups one address may make before it is slowed
 * down, how fast it earns attempts back, what happens, and the addresses never throttled.
 */
export function SuspiciousIpSettingsForm({ live }: { live: Json }) {
  const staging = useStaging();
  const headingId = useId();
  const staged = staging.find(suspiciousIpKey);
  const base = staged?.base ?? live;
  const [notice, setNotice] = useState<string>();
  const { control, handleSubmit } = useForm<SuspiciousIpForm>({
    resolver: zodResolver(SuspiciousIpForm),
    mode: 'onChange',
    values: suspiciousIpForm(staged?.draft ?? live),
    resetOptions: { keepDirtyValues: true },
  });

  const preLoginRate = useWatch({ control, name: 'preLoginRate' });
  const preRegistrationRate = useWatch({ control, name: 'preRegistrationRate' });

  const stage = handleSubmit((form) => {
    const draft = suspiciousIpDraft(form, base);
    if (jsonEqual(draft, base)) {
      if (staged) staging.discard(suspiciousIpKey);
      setNotice('Nothing to stage: this is what the tenant holds.');
      return;
    }
    staging.stage(suspiciousIpChange(base, draft));
    setNotice('Staged: review and apply it under Pending changes.');
  });

  return (
    <form onSubmit={(event) => void stage(event)} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Suspicious-IP throttling
        </Title>
        <Controller
          control={control}
          name="enabled"
          render={({ field }) => (
            <Switch
              label="Suspicious-IP throttling is on"
              description="Slows down an address that fails sign-ins for many accounts, or signs up too often"
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              ref={field.ref}
              name={field.name}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fieldset legend="Sign-in failures from one address">
            <Stack gap="xs">
              <CountField
                control={control}
                name="preLoginMaxAttempts"
                label="Failures allowed"
                description="Before the address is throttled (1 to 2,500; default 100)"
                min={1}
                max={2500}
              />
              <CountField
                control={control}
                name="preLoginRate"
                label="Milliseconds per new attempt"
                description={rateWords(preLoginRate)}
                min={1}
                max={2_592_000_000}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="Sign-ups from one address">
            <Stack gap="xs">
              <CountField
                control={control}
                name="preRegistrationMaxAttempts"
                label="Sign-ups allowed"
                description="Before the address is throttled (1 to 72,000; default 50)"
                min={1}
                max={72_000}
              />
              <CountField
                control={control}
                name="preRegistrationRate"
                label="Milliseconds per new sign-up"
                description={rateWords(preRegistrationRate)}
                min={1}
                max={2_592_000_000}
              />
            </Stack>
          </Fieldset>
        </SimpleGrid>
        <Controller
          control={control}
          name="shields"
          render={({ field }) => (
            <Checkbox.Group
              label="When it triggers"
              description="With neither, it only logs the events (monitoring mode)"
              value={field.value}
              onChange={(value) => field.onChange(value)}
            >
              <Stack gap={6} mt={6}>
                <Checkbox value="block" label="Refuse the address (HTTP 429)" />
                <Checkbox value="admin_notification" label="Email the tenant’s admins" />
              </Stack>
            </Checkbox.Group>
          )}
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
