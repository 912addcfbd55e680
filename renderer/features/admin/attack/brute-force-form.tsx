import { Radio, Stack, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { Json } from '../staging/staged-change';
import { useStagedDraft } from '../staging/use-staged-draft';
import { AllowlistField } from './allowlist-field';
import { BruteForceForm } from './attack-form-schema';
import { bruteForceDraft, bruteForceForm } from './attack-form-values';
import { bruteForceChange, bruteForceKey } from './attack-staging';
import { CountField } from './count-field';
import { EnabledSwitch, ShieldChoices } from './setting-fields';
import { StageFooter } from './stage-footer';

export const attackUpdateScopes = ['update:attack_protection'];

/**
 * Brute-force protection: threshold, what is counted (mode), what happens (shields) and the addresses never
 * counted. It starts from the staged draft if there is one, else from the tenant, and stages on submit.
 */
export function BruteForceSettingsForm({ live }: { live: Json }) {
  const headingId = useId();
  const { staged, base, start, notice, stageDraft } = useStagedDraft(bruteForceKey, live);
  const { control, handleSubmit } = useForm<BruteForceForm>({
    resolver: zodResolver(BruteForceForm),
    mode: 'onChange',
    // Follows the tenant (and a re-based draft) as they change, without throwing away what the admin typed.
    values: bruteForceForm(start),
    resetOptions: { keepDirtyValues: true },
  });

  const stage = handleSubmit((form) => stageDraft(bruteForceDraft(form, base), bruteForceChange));

  return (
    <form onSubmit={(event) => void stage(event)} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Brute-force protection
        </Title>
        <EnabledSwitch
          control={control}
          name="enabled"
          label="Brute-force protection is on"
          description="Stops sign-ins for an account after too many wrong passwords"
        />
        <CountField
          control={control}
          name="max_attempts"
          label="Wrong passwords allowed"
          description="How many failed sign-ins in a row trigger the protection (1 to 100; Auth0’s default is 10)"
          min={1}
          max={100}
        />
        <Controller
          control={control}
          name="mode"
          render={({ field }) => (
            <Radio.Group
              label="Count failures"
              value={field.value}
              onChange={(value) => field.onChange(value)}
              name={field.name}
            >
              <Stack gap={6} mt={6}>
                <Radio
                  value="count_per_identifier_and_ip"
                  label="Per account and address"
                  description="Only the address that tried is stopped; the account still signs in from elsewhere"
                />
                <Radio
                  value="count_per_identifier"
                  label="Per account, from any address (account lockout)"
                  description="The account is stopped everywhere until it is unblocked"
                />
              </Stack>
            </Radio.Group>
          )}
        />
        <ShieldChoices
          control={control}
          name="shields"
          choices={[
            { value: 'block', label: 'Block further sign-ins' },
            { value: 'user_notification', label: 'Email the user (with an unblock link)' },
          ]}
        />
        <AllowlistField
          label="Never count these addresses"
          description="Failures from these addresses never trigger the protection."
          control={control}
          name="allowlist"
        />
        <StageFooter needs={attackUpdateScopes} isStaged={staged !== undefined} notice={notice} />
      </Stack>
    </form>
  );
}
