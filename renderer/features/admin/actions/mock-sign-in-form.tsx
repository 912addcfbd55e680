import { zodResolver } from '@hookform/resolvers/zod';
import { Autocomplete, Group, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { DryRunInput } from '../../../../common/admin/dry-run.schema';
import { activeProfile, adminListClients } from '../../../api/gatehouse';
import { useAdminSession } from '../admin-session';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';

/** The made-up sign-in a dry run uses: everything of DryRunInput but what runs. */
export type MockSignIn = Omit<DryRunInput, 'target'>;

const MockSignInValues = z.object({
  userId: z.string().trim().min(1, 'Enter a user ID').max(100),
  clientId: z.string().trim().min(1, 'Enter a client ID').max(100),
  connection: z.string().trim().max(128),
  audience: z.string().trim().max(600),
  scope: z.string().trim().max(2000),
});
type MockSignInValues = z.infer<typeof MockSignInValues>;

/** Empty fields mean "as a real login would decide": the user's realm, the tenant's default audience. */
export function toMockSignIn(values: MockSignInValues): MockSignIn {
  const scope = values.scope.split(/\s+/).filter((item) => item !== '');
  return {
    userId: values.userId,
    clientId: values.clientId,
    ...(values.connection === '' ? {} : { connection: values.connection }),
    ...(values.audience === '' ? {} : { audience: values.audience }),
    ...(scope.length === 0 ? {} : { scope }),
  };
}

export interface MockSignInFormProps {
  submitLabel: string;
  needs: readonly string[];
  isBusy: boolean;
  onRun: (signIn: MockSignIn) => void;
}

/** Who signs in, to which client, realm, audience and scopes, for a dry run that signs no one in. */
export function MockSignInForm({ submitLabel, needs, isBusy, onRun }: MockSignInFormProps) {
  const { access, can } = useAdminSession();
  const clients = useAdminLoad(['clients', can(['read:clients'])], () =>
    can(['read:clients']) ? adminListClients() : Promise.resolve({ ok: true as const, value: [] }),
  );
  const profile = useAdminLoad(['active-profile'], activeProfile);
  const { control, register, handleSubmit, formState } = useForm<MockSignInValues>({
    resolver: zodResolver(MockSignInValues),
    values: {
      userId: access.subject?.endsWith('@clients') ? '' : (access.subject ?? ''),
      clientId: profile.value?.clientId ?? '',
      connection: '',
      audience: '',
      scope: 'openid',
    },
    resetOptions: { keepDirtyValues: true },
  });
  const { errors } = formState;
  return (
    <form onSubmit={handleSubmit((values) => onRun(toMockSignIn(values)))} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label="User ID"
            description="Who signs in, for example auth0|…"
            error={errors.userId?.message}
            {...register('userId')}
          />
          <Controller
            control={control}
            name="clientId"
            render={({ field }) => (
              <Autocomplete
                label="Client ID"
                description="The application they sign in to"
                data={(clients.value ?? []).map((client) => client.client_id)}
                error={errors.clientId?.message}
                {...field}
              />
            )}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Realm"
            description="Empty: the user’s own"
            error={errors.connection?.message}
            {...register('connection')}
          />
          <TextInput
            label="Audience"
            description="Empty: the tenant’s default API"
            error={errors.audience?.message}
            {...register('audience')}
          />
          <TextInput
            label="Scope"
            description="Space-separated, as requested"
            error={errors.scope?.message}
            {...register('scope')}
          />
        </Group>
        <Group>
          <WriteButton needs={needs} type="submit" loading={isBusy}>
            {submitLabel}
          </WriteButton>
        </Group>
      </Stack>
    </form>
  );
}
