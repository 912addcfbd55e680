import { SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import type { PinnableProfileField } from '../../../common/settings/managed-policy.schema';
import { managedNote, type ProfileDraft } from './profile-draft';

export interface GenericServerFieldsProps {
  draft: ProfileDraft;
  errors: Record<string, string>;
  isLocked: (field: PinnableProfileField) => boolean;
  onChange: Dispatch<SetStateAction<ProfileDraft>>;
}

type EndpointKey = keyof ProfileDraft['endpoints'];

const endpointFields: { key: EndpointKey; label: string; description: string }[] = [
  { key: 'token', label: 'Token endpoint', description: 'Required. May contain {realm} (Keycloak style)' },
  { key: 'revocation', label: 'Revocation endpoint', description: 'RFC 7009; used at sign-out' },
  { key: 'userinfo', label: 'UserInfo endpoint', description: 'Optional' },
  { key: 'jwks', label: 'JWKS URL', description: 'The inspector verifies signatures with these keys' },
  { key: 'introspection', label: 'Introspection endpoint', description: 'RFC 7662, for opaque tokens' },
];

/**
 * What only a generic RFC 6749 server needs: where its endpoints are (discovery, or typed by hand) and how
 * it is told the realm (not at all, a form parameter, or `{realm}` in the token URL).
 */
export function GenericServerFields({ draft, errors, isLocked, onChange }: GenericServerFieldsProps) {
  const setEndpoint = (key: EndpointKey, value: string) =>
    onChange((current) => ({ ...current, endpoints: { ...current.endpoints, [key]: value } }));
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="endpoints-mode-label">
          Endpoints
        </Text>
        <SegmentedControl
          aria-labelledby="endpoints-mode-label"
          disabled={isLocked('endpoints')}
          data={[
            { value: 'discovery', label: 'Discover them' },
            { value: 'explicit', label: 'Enter them' },
          ]}
          value={draft.endpointsMode}
          onChange={(value) =>
            onChange((current) => ({ ...current, endpointsMode: value === 'explicit' ? 'explicit' : 'discovery' }))
          }
        />
      </Stack>
      {draft.endpointsMode === 'discovery' ? (
        <TextInput
          label="Discovery document"
          description={isLocked('discoveryUrl') ? managedNote : 'Empty: <issuer>.well-known/openid-configuration'}
          disabled={isLocked('discoveryUrl')}
          value={draft.discoveryUrl}
          error={errors['discoveryUrl']}
          onChange={(event) => onChange((current) => ({ ...current, discoveryUrl: event.currentTarget.value }))}
        />
      ) : (
        endpointFields.map(({ key, label, description }) => (
          <TextInput
            key={key}
            label={label}
            description={isLocked('endpoints') ? managedNote : description}
            disabled={isLocked('endpoints')}
            required={key === 'token'}
            withAsterisk={false}
            value={draft.endpoints[key]}
            error={errors[`endpoints.${key}`]}
            onChange={(event) => setEndpoint(key, event.currentTarget.value)}
          />
        ))
      )}
      <Select
        label="How the realm is sent"
        disabled={isLocked('realmMapping')}
        allowDeselect={false}
        comboboxProps={{ withinPortal: false }}
        data={[
          { value: 'none', label: 'Not sent (one user directory)' },
          { value: 'parameter', label: 'As a form parameter' },
          { value: 'url-template', label: 'As {realm} in the token endpoint URL' },
        ]}
        value={draft.realmMapping}
        error={
          errors['endpoints.token'] && draft.endpointsMode === 'discovery'
            ? 'Enter the endpoints by hand: the token endpoint must contain {realm}'
            : undefined
        }
        onChange={(value) =>
          onChange((current) => ({
            ...current,
            realmMapping: value === 'parameter' || value === 'url-template' ? value : 'none',
          }))
        }
      />
      {draft.realmMapping === 'parameter' && (
        <TextInput
          label="Realm parameter name"
          value={draft.realmParameter}
          error={errors['realmParameter']}
          onChange={(event) => onChange((current) => ({ ...current, realmParameter: event.currentTarget.value }))}
        />
      )}
    </Stack>
  );
}
