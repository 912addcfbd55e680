import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { Controller, useFormState, useWatch } from 'react-hook-form';
import type { PinnableProfileField } from '../../../common/settings/managed-policy.schema';
import { DraftTextInput, type ProfileFormControl } from './draft-text-input';
import { managedNote, type ProfileDraft } from './profile-draft';

export interface GenericServerFieldsProps {
  control: ProfileFormControl;
  isLocked: (field: PinnableProfileField) => boolean;
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
export function GenericServerFields({ control, isLocked }: GenericServerFieldsProps) {
  const [endpointsMode, realmMapping] = useWatch({ control, name: ['endpointsMode', 'realmMapping'] });
  const { errors } = useFormState({ control, name: 'endpoints.token' });
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="endpoints-mode-label">
          Endpoints
        </Text>
        <Controller
          control={control}
          name="endpointsMode"
          render={({ field }) => (
            <SegmentedControl
              aria-labelledby="endpoints-mode-label"
              disabled={isLocked('endpoints')}
              data={[
                { value: 'discovery', label: 'Discover them' },
                { value: 'explicit', label: 'Enter them' },
              ]}
              value={field.value}
              onChange={(value) => field.onChange(value === 'explicit' ? 'explicit' : 'discovery')}
            />
          )}
        />
      </Stack>
      {endpointsMode === 'discovery' ? (
        <DraftTextInput
          control={control}
          name="discoveryUrl"
          label="Discovery document"
          description={isLocked('discoveryUrl') ? managedNote : 'Empty: <issuer>.well-known/openid-configuration'}
          disabled={isLocked('discoveryUrl')}
        />
      ) : (
        endpointFields.map(({ key, label, description }) => (
          <DraftTextInput
            key={key}
            control={control}
            name={`endpoints.${key}`}
            label={label}
            description={isLocked('endpoints') ? managedNote : description}
            disabled={isLocked('endpoints')}
            required={key === 'token'}
            withAsterisk={false}
          />
        ))
      )}
      <Controller
        control={control}
        name="realmMapping"
        render={({ field }) => (
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
            value={field.value}
            error={
              errors.endpoints?.token && endpointsMode === 'discovery'
                ? 'Enter the endpoints by hand: the token endpoint must contain {realm}'
                : undefined
            }
            onChange={(value) => field.onChange(value === 'parameter' || value === 'url-template' ? value : 'none')}
          />
        )}
      />
      {realmMapping === 'parameter' && (
        <DraftTextInput control={control} name="realmParameter" label="Realm parameter name" />
      )}
    </Stack>
  );
}
