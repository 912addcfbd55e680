import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useId } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { adminListClients } from '../../../api/gatehouse';
import { useAdminSession } from '../admin-session';
import { useAdminLoad } from '../use-admin-load';
import { useStaging } from '../staging/staging-store';
import { mergeRealmOptions, readRealmForm, RealmForm, RealmSettings, type PasswordPolicy } from './realm-options';
import { realmStageRequest } from './realm-stage';

const policyWords: Record<PasswordPolicy, string> = {
  none: 'None: any password of at least 1 character',
  low: 'Low: at least 6 characters',
  fair: 'Fair: at least 8 characters with lower case, upper case and a digit',
  good: 'Good: at least 8 characters with 3 of lower case, upper case, digit, special character',
  excellent: 'Excellent: at least 10 characters, 3 of the 4 kinds, no character 3 times in a row',
};

const writeScopes = ['update:connections'];

export interface RealmSettingsFormProps {
  id: string;
  name: string;
  /** The settings last read from the tenant: the base of the staged change, and what unknown options keep. */
  settings: RealmSettings;
}

/**
 * The realm's options, each explained in plain words. "Stage change" puts the edit in the pending-changes tray
 * instead of writing it: the tray shows the field-level diff and applies it after re-reading the realm.
 */
export function RealmSettingsForm({ id, name, settings }: RealmSettingsFormProps) {
  const staging = useStaging();
  const { can } = useAdminSession();
  const headingId = useId();
  const canWrite = can(writeScopes) && can(['update:connections_options', 'update:connections']);
  const key = `realm:${id}`;
  const staged = staging.find(key);
  const stagedDraft = staged ? RealmSettings.safeParse(staged.draft) : undefined;
  const start = stagedDraft?.success ? stagedDraft.data : settings;
  const form = useForm<RealmForm>({ resolver: zodResolver(RealmForm), defaultValues: readRealmForm(start) });
  const { control, register, handleSubmit, formState } = form;
  const [historyEnabled, dictionaryEnabled] = useWatch({ control, name: ['historyEnabled', 'dictionaryEnabled'] });
  const canReadClients = can(['read:clients']);
  const clients = useAdminLoad(['clients', canReadClients], () =>
    canReadClients ? adminListClients() : Promise.resolve({ ok: true as const, value: [] }),
  );
  const clientChoices = canReadClients
    ? (clients.value ?? []).map((client) => ({ id: client.client_id, name: client.name ?? client.client_id }))
    : settings.enabled_clients.map((client) => ({ id: client, name: client }));

  // The base is what was read last, so the tray's diff and conflict check compare against the tenant as shown.
  const stage = handleSubmit((values) =>
    staging.stage(realmStageRequest(id, name, settings, mergeRealmOptions(settings, values))),
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={stage} noValidate>
        <Stack gap="md">
          <Title order={4} id={headingId}>
            Realm settings
          </Title>
          {staged && (
            <Alert color="blue" title="This realm has a staged change">
              It waits in Pending changes until you apply it there. Staging again replaces it.
            </Alert>
          )}
          <TextInput
            label="Display name"
            description="The name people see for this realm; the realm's own name never changes"
            error={formState.errors.displayName?.message}
            {...register('displayName')}
          />
          <Fieldset legend="Passwords">
            <Stack gap="sm">
              <Controller
                control={control}
                name="passwordPolicy"
                render={({ field }) => (
                  <Select
                    label="Password strength"
                    description="How strong a new password must be; checked when a password is set or changed"
                    data={Object.entries(policyWords).map(([value, label]) => ({ value, label }))}
                    value={field.value}
                    onChange={(value) => value && field.onChange(value)}
                    allowDeselect={false}
                  />
                )}
              />
              <LengthField
                control={control}
                name="minLength"
                label="Minimum length"
                description="At least this many characters; empty leaves it to the strength level"
                error={formState.errors.minLength?.message}
              />
              <BooleanField
                control={control}
                name="historyEnabled"
                label="Refuse recent passwords"
                description="A new password may not repeat one of the user's last passwords"
              />
              {historyEnabled && (
                <Controller
                  control={control}
                  name="historySize"
                  render={({ field }) => (
                    <NumberInput
                      label="How many recent passwords to refuse"
                      description="0 to 24"
                      min={0}
                      max={24}
                      value={field.value}
                      onChange={(value) => field.onChange(typeof value === 'number' ? value : 0)}
                      error={formState.errors.historySize?.message}
                    />
                  )}
                />
              )}
              <BooleanField
                control={control}
                name="dictionaryEnabled"
                label="Refuse common passwords"
                description="Refuses passwords found in a list of common ones, and the words you add below"
              />
              {dictionaryEnabled && (
                <Textarea
                  label="Also refuse these words"
                  description="One word per line, at most 200 words of up to 50 characters"
                  autosize
                  minRows={2}
                  error={formState.errors.dictionaryWords?.message}
                  {...register('dictionaryWords')}
                />
              )}
              <BooleanField
                control={control}
                name="noPersonalInfo"
                label="Refuse personal information"
                description="A password may not contain the user's name, username or email address"
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="Sign-in protection">
            <Stack gap="sm">
              <BooleanField
                control={control}
                name="bruteForceProtection"
                label="Brute-force protection"
                description="Blocks an account after repeated wrong passwords (thresholds are under Attack protection)"
              />
              <BooleanField
                control={control}
                name="mfaActive"
                label="Multi-factor authentication"
                description="Users of this realm may be asked for a second factor"
              />
              <BooleanField
                control={control}
                name="mfaReturnEnrollSettings"
                label="Offer enrolment to users without a second factor"
                description="When a second factor is asked for, users who have none are offered to enrol one"
              />
            </Stack>
          </Fieldset>
          <Fieldset legend="Usernames and sign-up">
            <Stack gap="sm">
              <BooleanField
                control={control}
                name="requiresUsername"
                label="Require a username"
                description="Users have a username besides their email address, and may sign in with either"
              />
              <Group grow align="flex-start">
                <LengthField
                  control={control}
                  name="usernameMin"
                  label="Shortest username"
                  description="Characters; empty for Auth0's default (1)"
                  error={formState.errors.usernameMin?.message}
                />
                <LengthField
                  control={control}
                  name="usernameMax"
                  label="Longest username"
                  description="Characters; empty for Auth0's default (15)"
                  error={formState.errors.usernameMax?.message}
                />
              </Group>
              <BooleanField
                control={control}
                name="disableSignup"
                label="Turn off sign-up"
                description="People cannot create their own account; only admins create users"
              />
            </Stack>
          </Fieldset>
          <Controller
            control={control}
            name="enabledClients"
            render={({ field }) => (
              <Checkbox.Group
                label="Applications that may use this realm"
                description="Sign-ins from other applications are refused with “realm not enabled for this client”"
                value={field.value}
                onChange={field.onChange}
              >
                <Stack gap={6} mt="xs">
                  {clientChoices.map((client) => (
                    <Checkbox key={client.id} value={client.id} label={`${client.name} (${client.id})`} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
          <Group>
            <Button type="submit" disabled={!canWrite}>
              Stage change
            </Button>
            <Button variant="default" onClick={() => form.reset(readRealmForm(settings))}>
              Reset to what the tenant holds
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type BooleanName = {
  [K in keyof RealmForm]: RealmForm[K] extends boolean ? K : never;
}[keyof RealmForm];
type LengthName = 'minLength' | 'usernameMin' | 'usernameMax';

function BooleanField(props: { control: Control<RealmForm>; name: BooleanName; label: string; description: string }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Switch
          label={props.label}
          description={props.description}
          checked={field.value}
          onChange={(event) => field.onChange(event.currentTarget.checked)}
        />
      )}
    />
  );
}

function LengthField(props: {
  control: Control<RealmForm>;
  name: LengthName;
  label: string;
  description: string;
  error: string | undefined;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <NumberInput
          label={props.label}
          description={props.description}
          min={1}
          max={128}
          allowDecimal={false}
          value={field.value}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : '')}
          error={props.error}
        />
      )}
    />
  );
}
