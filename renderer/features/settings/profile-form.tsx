import {
  Accordion,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { AppError } from '../../../common/errors/app-error';
import type { PinnableProfileField } from '../../../common/settings/managed-policy.schema';
import type { Profile, ProfileInput } from '../../../common/settings/profile.schema';
import { saveProfile } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { DraftTextInput } from './draft-text-input';
import { GenericServerFields } from './generic-server-fields';
import {
  extraParamsToText,
  idFromName,
  managedNote,
  parseExtraParams,
  ProfileDraftSchema,
  type ProfileDraft,
} from './profile-draft';

export interface ProfileFormProps {
  initial: ProfileDraft;
  isNew: boolean;
  /** Fields the organisation's policy locks for this profile: shown, not editable. */
  locked: readonly PinnableProfileField[];
  onSaved: (profile: Profile) => void;
  onCancel: () => void;
}

/**
 * Add or edit a server profile. The contract's own schema judges the draft as it is typed and again on Save
 * (so the window and main never disagree), main checks it again, and refuses changes to locked fields. A client
 * secret is written to the keychain by main and never shown again.
 */
export function ProfileForm({ initial, isNew, locked, onSaved, onCancel }: ProfileFormProps) {
  const form = useForm<ProfileDraft, unknown, ProfileInput>({
    resolver: zodResolver(ProfileDraftSchema),
    mode: 'onChange',
    defaultValues: initial,
  });
  const { control, setValue, getValues, getFieldState, formState } = form;
  const [kind, realms, clientAuth] = useWatch({ control, name: ['kind', 'realms', 'clientAuth'] });
  const [failure, setFailure] = useState<AppError>();
  const [extraParamsText, setExtraParamsText] = useState(() => extraParamsToText(initial.extraParams));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isLocked = (field: PinnableProfileField) => locked.includes(field);
  const lockNote = (field: PinnableProfileField, text?: string) => (isLocked(field) ? managedNote : text);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = form.handleSubmit(async (input) => {
    setFailure(undefined);
    const secret = getValues('clientSecret');
    const withSecret = input.clientAuth !== 'none' && secret !== '' ? { clientSecret: secret } : {};
    const saved = await saveProfile({ profile: input, ...withSecret });
    if (saved.ok) onSaved(saved.value);
    else setFailure(saved.error);
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Title order={2} ref={headingRef} tabIndex={-1}>
          {isNew ? 'Add a server' : `Edit ${initial.name}`}
        </Title>
        {failure && <ErrorCallout error={failure} />}
        <DraftTextInput
          control={control}
          name="name"
          label="Name"
          description={lockNote('name', 'What the sign-in screen calls this server')}
          required
          withAsterisk={false}
          disabled={isLocked('name')}
          onText={(name) => {
            // A new profile's id follows its name; a complaint already on the id is judged again.
            if (isNew) setValue('id', idFromName(name), { shouldValidate: getFieldState('id').invalid });
          }}
        />
        {isNew && (
          <DraftTextInput
            control={control}
            name="id"
            label="Profile id"
            description="Used by the CLI (--profile) and in keychain entries"
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="profile-kind-label">
            Server type
          </Text>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <SegmentedControl
                aria-labelledby="profile-kind-label"
                disabled={isLocked('kind')}
                data={[
                  { value: 'auth0', label: 'Auth0' },
                  { value: 'oauth2', label: 'Other OAuth 2.0 server' },
                ]}
                value={field.value}
                onChange={(value) => field.onChange(value === 'oauth2' ? 'oauth2' : 'auth0')}
              />
            )}
          />
        </Stack>
        <DraftTextInput
          control={control}
          name="issuer"
          label={kind === 'auth0' ? 'Tenant URL (issuer)' : 'Issuer'}
          description={lockNote(
            'issuer',
            kind === 'auth0' ? 'For example https://acme.eu.auth0.com/' : 'Tokens’ iss claim must equal it',
          )}
          required
          withAsterisk={false}
          disabled={isLocked('issuer')}
        />
        <DraftTextInput
          control={control}
          name="clientId"
          label="Client ID"
          description={lockNote('clientId', 'A native (public) application with the password grant enabled')}
          required
          withAsterisk={false}
          disabled={isLocked('clientId')}
        />
        <Controller
          control={control}
          name="realms"
          render={({ field, fieldState }) => (
            <TagsInput
              label="Realms"
              description={lockNote(
                'realms',
                'The user directories (Auth0 connections) to offer; press Enter after each',
              )}
              disabled={isLocked('realms')}
              value={field.value}
              error={fieldState.error?.message}
              onChange={(next) => {
                field.onChange(next);
                const current = getValues('defaultRealm');
                setValue('defaultRealm', current && next.includes(current) ? current : null);
              }}
            />
          )}
        />
        {realms.length > 1 && (
          <Controller
            control={control}
            name="defaultRealm"
            render={({ field, fieldState }) => (
              <Select
                label="Default realm"
                description={lockNote('defaultRealm')}
                disabled={isLocked('defaultRealm')}
                data={realms}
                value={field.value}
                error={fieldState.error?.message}
                comboboxProps={{ withinPortal: false }}
                onChange={field.onChange}
              />
            )}
          />
        )}
        <DraftTextInput
          control={control}
          name="audience"
          label="Audience"
          description={lockNote('audience', 'The API the access token is for; empty for the server’s default')}
          disabled={isLocked('audience')}
        />
        <Accordion variant="contained">
          <Accordion.Item value="advanced">
            <Accordion.Control>Advanced: scope, client authentication, network</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <DraftTextInput
                  control={control}
                  name="scope"
                  label="Scope"
                  description={lockNote('scope')}
                  disabled={isLocked('scope')}
                />
                <Controller
                  control={control}
                  name="clientAuth"
                  render={({ field }) => (
                    <Select
                      label="Client authentication"
                      description={lockNote('clientAuth')}
                      disabled={isLocked('clientAuth')}
                      allowDeselect={false}
                      comboboxProps={{ withinPortal: false }}
                      data={[
                        { value: 'none', label: 'None (public client)' },
                        { value: 'client_secret_post', label: 'Client secret in the request body' },
                        { value: 'client_secret_basic', label: 'Client secret in HTTP Basic' },
                      ]}
                      value={field.value}
                      onChange={(value) =>
                        field.onChange(
                          value === 'client_secret_post' || value === 'client_secret_basic' ? value : 'none',
                        )
                      }
                    />
                  )}
                />
                {clientAuth !== 'none' && (
                  <Controller
                    control={control}
                    name="clientSecret"
                    render={({ field }) => (
                      <PasswordInput
                        label="Client secret"
                        description={
                          isNew ? 'Stored in the system keychain only' : 'Leave empty to keep the one in the keychain'
                        }
                        autoComplete="off"
                        value={field.value}
                        onChange={(event) => field.onChange(event.currentTarget.value)}
                      />
                    )}
                  />
                )}
                {kind === 'oauth2' && <GenericServerFields control={control} isLocked={isLocked} />}
                <DraftTextInput
                  control={control}
                  name="apiBaseUrl"
                  label="API base URL"
                  description={lockNote(
                    'apiBaseUrl',
                    'The API console sends your access token here and nowhere else; empty uses an http(s) audience',
                  )}
                  disabled={isLocked('apiBaseUrl')}
                />
                <Controller
                  control={control}
                  name="extraParams"
                  render={({ field, fieldState }) => (
                    <Textarea
                      label="Extra sign-in parameters"
                      description={lockNote(
                        'extraParams',
                        'One name=value per line, added to the token request (never replacing the grant’s own)',
                      )}
                      disabled={isLocked('extraParams')}
                      autosize
                      minRows={2}
                      spellCheck={false}
                      value={extraParamsText}
                      error={fieldState.error?.message}
                      onChange={(event) => {
                        // The lines stay as typed; the draft holds what they parse to, and that is judged.
                        const text = event.currentTarget.value;
                        setExtraParamsText(text);
                        field.onChange(parseExtraParams(text));
                      }}
                    />
                  )}
                />
                <DraftTextInput
                  control={control}
                  name="proxy"
                  label="Proxy"
                  description={lockNote('proxy', 'An http(s) proxy URL; empty uses HTTPS_PROXY and NO_PROXY')}
                  disabled={isLocked('proxy')}
                />
                <DraftTextInput
                  control={control}
                  name="caBundlePath"
                  label="Extra CA bundle"
                  description={lockNote('caBundlePath', 'A PEM file, for a corporate TLS proxy; added to the system’s')}
                  disabled={isLocked('caBundlePath')}
                />
                <Controller
                  control={control}
                  name="timeoutSeconds"
                  render={({ field, fieldState }) => (
                    <NumberInput
                      label="Timeout (seconds)"
                      description={lockNote('timeoutMs')}
                      disabled={isLocked('timeoutMs')}
                      min={1}
                      max={120}
                      value={field.value}
                      error={fieldState.error?.message}
                      onChange={(value) => field.onChange(typeof value === 'number' ? value : 15)}
                    />
                  )}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
