import { zodResolver } from '@hookform/resolvers/zod';
import { Autocomplete, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { DryRunInput, type DryRunReport, type DryRunTarget } from '../../../../common/admin/dry-run.schema';
import {
  activeProfile,
  adminListClients,
  adminListConnections,
  adminTryAction,
  adminTryRule,
} from '../../../api/gatehouse';
import { useAdminSession } from '../admin-session';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { DryRunResult } from './dry-run-result';
import { FocusedError } from './focused-error';
import { WriteButton } from './write-button';

export interface DryRunPanelProps {
  /** Which channel runs it (and which scopes the server wants): rules or actions. */
  kind: 'rule' | 'action';
  /** The one script to run (saved, or the editor's unsaved source); without it only the pipeline runs. */
  target?: Exclude<DryRunTarget, { kind: 'pipeline' }>;
  /** What `target` is, in words: "the saved rule", "the code in the editor (not saved yet)". */
  targetWords?: string;
}

// The server runs dry runs for admins who may write that kind of script.
const needs = { rule: ['create:rules', 'update:rules'], action: ['create:actions', 'update:actions'] } as const;

/** The form, checked with the contract's own limits; empty optional fields mean "the default". */
const DryRunForm = z.object({
  what: z.enum(['script', 'pipeline']),
  userId: z.string().trim().min(1, 'Enter a user ID').pipe(DryRunInput.shape.userId),
  clientId: z.string().trim().min(1, 'Enter a client ID').pipe(DryRunInput.shape.clientId),
  connection: z.string().trim().max(128),
  scope: z.string().trim().max(2000),
  audience: z.string().trim().max(600),
});
type DryRunForm = z.infer<typeof DryRunForm>;

/**
 * "Try it": runs one rule or action (or the whole post-login pipeline: rules, then actions, as sign-ins run
 * them) against a made-up sign-in of a real user to a real client, with a chosen realm, scope and audience.
 * No one is signed in and no token is made; the report says what would happen and which script did what.
 */
export function DryRunPanel({ kind, target, targetWords }: DryRunPanelProps) {
  const { access, can } = useAdminSession();
  const headingId = useId();
  const [report, setReport] = useState<DryRunReport>();
  const write = useAdminWrite();
  const clients = useAdminLoad(['clients', can(['read:clients'])], () =>
    can(['read:clients']) ? adminListClients() : Promise.resolve({ ok: true as const, value: [] }),
  );
  const realms = useAdminLoad(['connections', can(['read:connections'])], () =>
    can(['read:connections']) ? adminListConnections() : Promise.resolve({ ok: true as const, value: [] }),
  );
  const profile = useAdminLoad(['active-profile'], activeProfile);
  const form = useForm<DryRunForm>({
    resolver: zodResolver(DryRunForm),
    values: {
      what: target === undefined ? 'pipeline' : 'script',
      userId: access.subject?.endsWith('@clients') ? '' : (access.subject ?? ''),
      clientId: profile.value?.clientId ?? '',
      connection: '',
      scope: 'openid profile email',
      audience: '',
    },
    resetOptions: { keepDirtyValues: true },
  });
  const errors = form.formState.errors;

  const run = form.handleSubmit(async (values) => {
    setReport(undefined);
    const input: DryRunInput = {
      target: values.what === 'script' && target !== undefined ? target : { kind: 'pipeline' },
      userId: values.userId,
      clientId: values.clientId,
      ...(values.connection === '' ? {} : { connection: values.connection }),
      ...(values.audience === '' ? {} : { audience: values.audience }),
      ...(values.scope === '' ? {} : { scope: values.scope.split(/\s+/) }),
    };
    await write.run('try', () => (kind === 'rule' ? adminTryRule(input) : adminTryAction(input)), setReport);
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={run} noValidate>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            Try it (dry run)
          </Title>
          <Text size="sm">Runs a made-up sign-in. No one is signed in and no token is made.</Text>
          <Controller
            control={form.control}
            name="what"
            render={({ field }) => (
              <Radio.Group label="What runs" value={field.value} onChange={field.onChange}>
                <Group mt={4}>
                  {target !== undefined && <Radio value="script" label={`Only ${targetWords ?? `this ${kind}`}`} />}
                  <Radio value="pipeline" label="The whole post-login pipeline (rules, then actions)" />
                </Group>
              </Radio.Group>
            )}
          />
          <Group grow align="flex-start">
            <TextInput
              label="User ID"
              description="Who signs in, for example auth0|…"
              {...form.register('userId')}
              error={errors.userId?.message}
            />
            <Controller
              control={form.control}
              name="clientId"
              render={({ field }) => (
                <Autocomplete
                  label="Client ID"
                  description="The application they sign in to"
                  data={(clients.value ?? []).map((client) => client.client_id)}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.clientId?.message}
                />
              )}
            />
          </Group>
          <Group grow align="flex-start">
            <Controller
              control={form.control}
              name="connection"
              render={({ field }) => (
                <Autocomplete
                  label="Realm"
                  description="Empty: the user’s own realm"
                  data={(realms.value ?? []).map((realm) => realm.name)}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.connection?.message}
                />
              )}
            />
            <TextInput
              label="Scope"
              description="Space-separated, as the client asks for it"
              {...form.register('scope')}
              error={errors.scope?.message}
            />
            <TextInput
              label="Audience"
              description="Empty: the tenant’s default API"
              {...form.register('audience')}
              error={errors.audience?.message}
            />
          </Group>
          <Group>
            <WriteButton needs={needs[kind]} type="submit" loading={write.busy === 'try'}>
              Run the dry run
            </WriteButton>
          </Group>
          {write.failure && <FocusedError error={write.failure} />}
          {report && <DryRunResult report={report} />}
        </Stack>
      </form>
    </Paper>
  );
}
