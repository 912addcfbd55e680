import { Fieldset, Stack } from '@mantine/core';
import { useWatch, type Control } from 'react-hook-form';
import type { SuspiciousIpForm } from './attack-form-schema';
import { rateWords } from './attack-form-values';
import { CountField } from './count-field';

/** One suspicious-IP stage's two numbers; the form field names of each stage. */
const stages = {
  'pre-login': {
    legend: 'Sign-in failures from one address',
    max: 'preLoginMaxAttempts',
    rate: 'preLoginRate',
    maxLabel: 'Failures allowed',
    maxDescription: 'Before the address is throttled (1 to 2,500; default 100)',
    most: 2500,
    rateLabel: 'Milliseconds per new attempt',
  },
  'pre-user-registration': {
    legend: 'Sign-ups from one address',
    max: 'preRegistrationMaxAttempts',
    rate: 'preRegistrationRate',
    maxLabel: 'Sign-ups allowed',
    maxDescription: 'Before the address is throttled (1 to 72,000; default 50)',
    most: 72_000,
    rateLabel: 'Milliseconds per new sign-up',
  },
} as const;

/** A stage's bucket: how many attempts an address has, and how fast it earns one back (said in words). */
export function ThrottleStageFields({
  control,
  stage,
}: {
  control: Control<SuspiciousIpForm>;
  stage: keyof typeof stages;
}) {
  const fields = stages[stage];
  const rate = useWatch({ control, name: fields.rate });
  return (
    <Fieldset legend={fields.legend}>
      <Stack gap="xs">
        <CountField
          control={control}
          name={fields.max}
          label={fields.maxLabel}
          description={fields.maxDescription}
          min={1}
          max={fields.most}
        />
        <CountField
          control={control}
          name={fields.rate}
          label={fields.rateLabel}
          description={rateWords(rate)}
          min={1}
          max={2_592_000_000}
        />
      </Stack>
    </Fieldset>
  );
}
