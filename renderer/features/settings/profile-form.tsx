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
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { PinnableProfileField } from '../../../common/settings/managed-policy.schema';
import { Profile } from '../../../common/settings/profile.schema';
import { saveProfile } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { GenericServerFields } from './generic-server-fields';
import {
  extraParamsToText,
  fieldErrors,
  idFromName,
  managedNote,
  parseExtraParams,
  profileInputFromDraft,
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
 * Add or edit a server profile. The contract's own schema checks the form before it is sent (so the window
 * and main never disagree), main checks it again, and refuses changes to locked fields. A client secret is
 * written to the keychain by main and never shown again.
 */
export function ProfileForm({ initial, isNew, locked, onSaved, onCancel }: ProfileFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppError>();
  const [isSaving, setSaving] = useState(false);
  const [extraParamsText, setExtraParamsText] = useState(() => extraParamsToText(initial.extraParams));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isLocked = (field: PinnableProfileField) => locked.includes(field);
  const lockNote = (field: PinnableProfileField, text?: string) => (isLocked(field) ? managedNote : text);

  useEffect(() => headingRef.current?.focus(), []);

  /** A field the user changes loses its old complaint; the schema judges it again on Save. */
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => field !== key)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const input = profileInputFromDraft(draft);
    const checked = Profile.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error.issues));
      return;
    }
    setErrors({});
    setSaving(true);
    const secret = draft.clientAuth !== 'none' && draft.clientSecret !== '' ? { clientSecret: draft.clientSecret } : {};
    const saved = await saveProfile({ profile: input, ...secret });
    setSaving(false);
    if (saved.ok) onSaved(saved.value);
    else setFailure(saved.error);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} ref={headingRef} tabIndex={-1}>
          {isNew ? 'Add a server' : `Edit ${initial.name}`}
        </Title>
        {failure && <ErrorCallout error={failure} />}
        <TextInput
          label="Name"
          description={lockNote('name', 'What the sign-in screen calls this server')}
          required
          withAsterisk={false}
          disabled={isLocked('name')}
          value={draft.name}
          error={errors['name']}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setDraft((current) => ({ ...current, name, ...(isNew ? { id: idFromName(name) } : {}) }));
          }}
        />
        {isNew && (
          <TextInput
            label="Profile id"
            description="Used by the CLI (--profile) and in keychain entries"
            value={draft.id}
            error={errors['id']}
            onChange={(event) => set('id', event.currentTarget.value)}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="profile-kind-label">
            Server type
          </Text>
          <SegmentedControl
            aria-labelledby="profile-kind-label"
            disabled={isLocked('kind')}
            data={[
              { value: 'auth0', label: 'Auth0' },
              { value: 'oauth2', label: 'Other OAuth 2.0 server' },
            ]}
            value={draft.kind}
            onChange={(value) => set('kind', value === 'oauth2' ? 'oauth2' : 'auth0')}
          />
        </Stack>
        <TextInput
          label={draft.kind === 'auth0' ? 'Tenant URL (issuer)' : 'Issuer'}
          description={lockNote(
            'issuer',
            draft.kind === 'auth0' ? 'For example https://acme.eu.auth0.com/' : 'Tokens’ iss claim must equal it',
          )}
          required
          withAsterisk={false}
          disabled={isLocked('issuer')}
          value={draft.issuer}
          error={errors['issuer']}
          onChange={(event) => set('issuer', event.currentTarget.value)}
        />
        <TextInput
          label="Client ID"
          description={lockNote('clientId', 'A native (public) application with the password grant enabled')}
          required
          withAsterisk={false}
          disabled={isLocked('clientId')}
          value={draft.clientId}
          error={errors['clientId']}
          onChange={(event) => set('clientId', event.currentTarget.value)}
        />
        <TagsInput
          label="Realms"
          description={lockNote('realms', 'The user directories (Auth0 connections) to offer; press Enter after each')}
          disabled={isLocked('realms')}
          value={draft.realms}
          error={errors['realms']}
          onChange={(realms) =>
            setDraft((current) => ({
              ...current,
              realms,
              defaultRealm: current.defaultRealm && realms.includes(current.defaultRealm) ? current.defaultRealm : null,
            }))
          }
        />
        {draft.realms.length > 1 && (
          <Select
            label="Default realm"
            description={lockNote('defaultRealm')}
            disabled={isLocked('defaultRealm')}
            data={draft.realms}
            value={draft.defaultRealm}
            error={errors['defaultRealm']}
            comboboxProps={{ withinPortal: false }}
            onChange={(value) => set('defaultRealm', value)}
          />
        )}
        <TextInput
          label="Audience"
          description={lockNote('audience', 'The API the access token is for; empty for the server’s default')}
          disabled={isLocked('audience')}
          value={draft.audience}
          error={errors['audience']}
          onChange={(event) => set('audience', event.currentTarget.value)}
        />
        <Accordion variant="contained">
          <Accordion.Item value="advanced">
            <Accordion.Control>Advanced: scope, client authentication, network</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <TextInput
                  label="Scope"
                  description={lockNote('scope')}
                  disabled={isLocked('scope')}
                  value={draft.scope}
                  error={errors['scope']}
                  onChange={(event) => set('scope', event.currentTarget.value)}
                />
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
                  value={draft.clientAuth}
                  onChange={(value) =>
                    set(
                      'clientAuth',
                      value === 'client_secret_post' || value === 'client_secret_basic' ? value : 'none',
                    )
                  }
                />
                {draft.clientAuth !== 'none' && (
                  <PasswordInput
                    label="Client secret"
                    description={
                      isNew ? 'Stored in the system keychain only' : 'Leave empty to keep the one in the keychain'
                    }
                    autoComplete="off"
                    value={draft.clientSecret}
                    onChange={(event) => set('clientSecret', event.currentTarget.value)}
                  />
                )}
                {draft.kind === 'oauth2' && (
                  <GenericServerFields draft={draft} errors={errors} isLocked={isLocked} onChange={setDraft} />
                )}
                <TextInput
                  label="API base URL"
                  description={lockNote(
                    'apiBaseUrl',
                    'The API console sends your access token here and nowhere else; empty uses an http(s) audience',
                  )}
                  disabled={isLocked('apiBaseUrl')}
                  value={draft.apiBaseUrl}
                  error={errors['apiBaseUrl']}
                  onChange={(event) => set('apiBaseUrl', event.currentTarget.value)}
                />
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
                  error={errors['extraParams']}
                  onChange={(event) => {
                    const text = event.currentTarget.value;
                    setExtraParamsText(text);
                    set('extraParams', parseExtraParams(text));
                  }}
                />
                <TextInput
                  label="Proxy"
                  description={lockNote('proxy', 'An http(s) proxy URL; empty uses HTTPS_PROXY and NO_PROXY')}
                  disabled={isLocked('proxy')}
                  value={draft.proxy}
                  error={errors['proxy']}
                  onChange={(event) => set('proxy', event.currentTarget.value)}
                />
                <TextInput
                  label="Extra CA bundle"
                  description={lockNote('caBundlePath', 'A PEM file, for a corporate TLS proxy; added to the system’s')}
                  disabled={isLocked('caBundlePath')}
                  value={draft.caBundlePath}
                  error={errors['caBundlePath']}
                  onChange={(event) => set('caBundlePath', event.currentTarget.value)}
                />
                <NumberInput
                  label="Timeout (seconds)"
                  description={lockNote('timeoutMs')}
                  disabled={isLocked('timeoutMs')}
                  min={1}
                  max={120}
                  value={draft.timeoutSeconds}
                  error={errors['timeoutSeconds']}
                  onChange={(value) => set('timeoutSeconds', typeof value === 'number' ? value : 15)}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSaving}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
