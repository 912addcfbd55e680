import { zodResolver } from '@hookform/resolvers/zod';
import { Group, List, Paper, PasswordInput, Select, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useId } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { UserCreate, type User } from '../../../../common/admin/user.schema';
import { adminCreateUser, adminListConnections } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { passwordChecks, passwordRefusalWords } from './password-checks';

const NewUser = UserCreate.pick({ connection: true, email: true, password: true }).extend({
  username: z.string().max(128),
});
type NewUser = z.infer<typeof NewUser>;

/**
 * A new user in a chosen database realm. The realm's password rules are listed as a checklist that ticks as
 * the admin types; the server stays the judge, and its refusal is put in the words of the rule broken.
 */
export function UserCreateForm({ onCreated }: { onCreated: (user: User) => void }) {
  const headingId = useId();
  const checklistId = useId();
  const write = useAdminWrite();
  const realms = useAdminLoad(['connections'], () => adminListConnections());
  const databases = (realms.value ?? []).filter((realm) => realm.strategy === 'auth0');
  const form = useForm<NewUser>({
    resolver: zodResolver(NewUser),
    defaultValues: { connection: '', email: '', password: '', username: '' },
  });
  const { errors } = form.formState;
  const [realmName, email, password, username] = useWatch({
    control: form.control,
    name: ['connection', 'email', 'password', 'username'],
  });
  const realm = databases.find((candidate) => candidate.name === realmName);
  const checks = realm ? passwordChecks(realm.options ?? {}, password, { email, username }) : [];
  const needsUsername = realm?.options?.['requires_username'] === true;
  const refusal = passwordRefusalWords(write.failure?.detail?.error);

  const submit = form.handleSubmit(async (values) => {
    const user = {
      connection: values.connection,
      email: values.email,
      password: values.password,
      ...(values.username.trim() === '' ? {} : { username: values.username.trim() }),
    };
    const isDone = await write.run('create', () => adminCreateUser(user), onCreated);
    if (isDone) form.reset();
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            New user
          </Title>
          {realms.error && <ErrorCallout error={realms.error} />}
          {realms.isLoading && realms.value === undefined && <LoadingLine label="Loading realms…" />}
          {write.failure && refusal && (
            <Text role="alert" fw={600}>
              {refusal}
            </Text>
          )}
          {write.failure && <FocusedError error={write.failure} />}
          <Controller
            control={form.control}
            name="connection"
            render={({ field }) => (
              <Select
                label="Realm"
                description="The database the user signs in with"
                placeholder="Choose a realm"
                data={databases.map((candidate) => candidate.name)}
                value={field.value === '' ? null : field.value}
                onChange={(value) => field.onChange(value ?? '')}
                error={errors.connection && 'Choose a realm'}
              />
            )}
          />
          <Group grow align="flex-start">
            <TextInput label="E-mail" type="email" error={errors.email?.message} {...form.register('email')} />
            <TextInput
              label={needsUsername ? 'Username' : 'Username (optional)'}
              description={needsUsername ? 'This realm requires a username' : undefined}
              error={errors.username?.message}
              {...form.register('username')}
            />
          </Group>
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            aria-describedby={realm ? checklistId : undefined}
            error={errors.password?.message}
            {...form.register('password')}
          />
          {realm && (
            <div id={checklistId}>
              <Text size="sm" fw={600}>
                The “{realm.name}” realm asks for:
              </Text>
              <List size="sm" spacing={2} aria-live="polite">
                {checks.map((check) => (
                  <List.Item
                    key={check.rule}
                    icon={
                      <ThemeIcon size={16} radius="xl" color={check.isMet ? 'green.9' : 'gray.7'} aria-hidden>
                        <span>{check.isMet ? '✓' : '·'}</span>
                      </ThemeIcon>
                    }
                  >
                    {check.rule}: {check.isMet ? 'met' : 'not yet'}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <Group>
            <WriteButton needs={['create:users']} type="submit" loading={write.busy === 'create'}>
              Create user
            </WriteButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
