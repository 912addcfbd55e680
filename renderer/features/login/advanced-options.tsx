import { Accordion, Stack, Textarea, TextInput } from '@mantine/core';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { SignInFormValues } from './sign-in-form';

/**
 * Audience, scope and extra parameters for this one sign-in, folded away: most people never open it, support
 * staff do when they reproduce a customer's token. Prefilled from the profile, so opening it changes nothing.
 */
export function AdvancedOptions({
  register,
  errors,
}: {
  register: UseFormRegister<SignInFormValues>;
  errors: FieldErrors<SignInFormValues>;
}) {
  const hasError = errors.audience !== undefined || errors.scope !== undefined || errors.extraParams !== undefined;
  return (
    <Accordion variant="contained" defaultValue={hasError ? 'advanced' : null} chevronPosition="left">
      <Accordion.Item value="advanced">
        <Accordion.Control>Advanced</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <TextInput
              label="Audience"
              description="The API the access token is for; empty asks for the server's default"
              spellCheck={false}
              error={errors.audience?.message}
              {...register('audience')}
            />
            <TextInput
              label="Scope"
              description="Space-separated; “Keep me signed in” adds or removes offline_access"
              spellCheck={false}
              error={errors.scope?.message}
              {...register('scope')}
            />
            <Textarea
              label="Extra parameters"
              description="Sent with this sign-in only, one name=value per line"
              minRows={2}
              spellCheck={false}
              error={errors.extraParams?.message}
              {...register('extraParams')}
            />
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
