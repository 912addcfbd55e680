import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../../server/errors/catalogue';
import { AccessDeniedError, InvalidRequestError } from '../../../../server/errors/oauth-errors';
import { RequestParams } from '../../../../server/http/request-params';
import { authenticateClient, parseBasicAuthorization } from '../../../../server/security/client-authentication';
import { endUserIp } from '../../../../server/security/end-user-ip';
import { hashSecret } from '../../../../server/security/secret-hash';
import type { ClientRepository } from '../../../../server/storage/client-repository';
import type { Client } from '../../../../server/tenant/model';
import { defaultRefreshTokenPolicy } from '../../../../server/tenant/model';

const base: Omit<Client, 'clientId' | 'tokenEndpointAuthMethod' | 'clientSecretHash'> = {
  name: 'x',
  appType: 'native',
  grantTypes: [],
  isTokenEndpointIpHeaderTrusted: false,
  refreshToken: defaultRefreshTokenPolicy,
};
const publicClient: Client = { ...base, clientId: 'desktop', tokenEndpointAuthMethod: 'none', clientSecretHash: null };
const confidential: Client = {
  ...base,
  clientId: 'backend',
  tokenEndpointAuthMethod: 'client_secret_post',
  clientSecretHash: hashSecret('s3cret: with spaces'),
  isTokenEndpointIpHeaderTrusted: true,
};
const clients: ClientRepository = {
  findById: (id) => [publicClient, confidential].find((client) => client.clientId === id),
  count: () => 2,
  create: () => {
    throw new Error('not used');
  },
};

function basic(id: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

function authenticate(params: Record<string, string>, authorization?: string) {
  return authenticateClient(clients, {
    authorization,
    params: RequestParams.fromBody(new Map(Object.entries(params))),
    failure: authErrors.clientUnauthorized,
  });
}

describe('parseBasicAuthorization', () => {
  it('form-decodes id and secret (RFC 6749 §2.3.1) and splits at the first colon', () => {
    expect(parseBasicAuthorization(basic('backend', 's3cret: with spaces'))).toEqual({
      clientId: 'backend',
      secret: 's3cret: with spaces',
    });
  });

  it('ignores other schemes and flags unreadable Basic credentials', () => {
    expect(parseBasicAuthorization(undefined)).toBeUndefined();
    expect(parseBasicAuthorization('Bearer abc')).toBeUndefined();
    expect(parseBasicAuthorization(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toBe('malformed');
  });
});

describe('authenticateClient', () => {
  it('identifies a public client by client_id and ignores any secret it sends', () => {
    expect(authenticate({ client_id: 'desktop', client_secret: 'whatever' })).toEqual({
      client: publicClient,
      authenticatedWithSecret: false,
    });
  });

  it('accepts a confidential client by post or by Basic', () => {
    expect(authenticate({ client_id: 'backend', client_secret: 's3cret: with spaces' }).authenticatedWithSecret).toBe(
      true,
    );
    expect(authenticate({}, basic('backend', 's3cret: with spaces')).client).toBe(confidential);
  });

  it.each([
    ['a wrong secret', { client_id: 'backend', client_secret: 'nope' }, undefined],
    ['no secret', { client_id: 'backend' }, undefined],
    ['an unknown client', { client_id: 'ghost', client_secret: 'x' }, undefined],
    ['a wrong Basic secret', {}, basic('backend', 'nope')],
    ['unreadable Basic credentials', {}, `Basic ${Buffer.from('backend').toString('base64')}`],
  ])('fails with the endpoint failure for %s', (_case, params, authorization) => {
    expect(() => authenticate(params, authorization)).toThrow(AccessDeniedError);
  });

  it('refuses two authentication methods at once, and a body client_id that disagrees', () => {
    expect(() => authenticate({ client_secret: 'x' }, basic('backend', 's3cret: with spaces'))).toThrow(
      InvalidRequestError,
    );
    expect(() => authenticate({ client_id: 'desktop' }, basic('backend', 's3cret: with spaces'))).toThrow(
      InvalidRequestError,
    );
  });

  it('asks for client_id when there is none', () => {
    expect(() => authenticate({})).toThrow('Missing required parameter: client_id');
  });
});

describe('endUserIp', () => {
  const trusted = { client: confidential, authenticatedWithSecret: true };

  it('honours auth0-forwarded-for only for a trusted client that used its secret', () => {
    expect(endUserIp('10.0.0.1', '203.0.113.7', trusted)).toBe('203.0.113.7');
    expect(endUserIp('10.0.0.1', '2001:db8::1', trusted)).toBe('2001:db8::1');
    expect(endUserIp('10.0.0.1', '203.0.113.7', { ...trusted, authenticatedWithSecret: false })).toBe('10.0.0.1');
    expect(
      endUserIp('10.0.0.1', '203.0.113.7', {
        client: { ...confidential, isTokenEndpointIpHeaderTrusted: false },
        authenticatedWithSecret: true,
      }),
    ).toBe('10.0.0.1');
  });

  it('ignores values that are not a single IP address', () => {
    expect(endUserIp('10.0.0.1', '203.0.113.7, 198.51.100.1', trusted)).toBe('10.0.0.1');
    expect(endUserIp('10.0.0.1', 'evil.example', trusted)).toBe('10.0.0.1');
    expect(endUserIp('10.0.0.1', ['203.0.113.7', '198.51.100.1'], trusted)).toBe('10.0.0.1');
  });
});
