import { Radio, Stack } from '@mantine/core';
import type { MfaAuthenticatorView } from '../../../common/ipc/mfa.contract';
import { factorLabel } from './factor-words';

/** "Verify with": one radio per usable factor, shown only when there is a choice to make. */
export function FactorChoice({
  factors,
  value,
  onChange,
}: {
  factors: readonly MfaAuthenticatorView[];
  value: string;
  onChange: (authenticatorId: string) => void;
}) {
  if (factors.length < 2) return null;
  return (
    <Radio.Group label="Verify with" value={value} onChange={onChange}>
      <Stack gap={6} mt={6}>
        {factors.map((factor) => (
          <Radio key={factor.id} value={factor.id} label={factorLabel(factor)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
