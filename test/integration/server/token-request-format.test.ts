import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { postForm, postRaw } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let tokenUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  tokenUrl = `${server.url}/oauth/token`;
});
afterAll(() => server.close());

const { alice } = demo.users;
const aliceParams = {
  grant_type: demo.grants.passwordRealm,
  client_id: demo.clients.desktop.clientId,
  username: alice.email,
  password: alice.password,
  realm: demo.realms.employees,
};

function expectNoLeak(text: string): void {
  expect(text).not.toMatch(/at .+\.(ts|js):\d+|SQLITE|SELECT |stack/i);
}

describe('/oauth/token request bodies', () => {
  it('refuses a repeated parameter with 400 invalid_request', async () => {
    const body = new URLSearchParams(aliceParams);
    body.append('realm', demo.realms.contractors);
    const response = await postForm(tokenUrl, body);

    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: 'invalid_request',
      error_description: 'Parameter must not be repeated: realm',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
  });

  it('answers a 65 KiB body with 413 and an OAuth-shaped JSON error', async () => {
    const response = await postForm(tokenUrl, { ...aliceParams, padding: 'x'.repeat(65 * 1024) });

    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json).toEqual({ error: 'invalid_request', error_description: 'Request body exceeds 65536 bytes.' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts a body just under the limit', async () => {
    const params = new URLSearchParams(aliceParams);
    params.set('padding', '');
    params.set('padding', 'x'.repeat(64 * 1024 - params.toString().length));
    expect(params.toString().length).toBe(64 * 1024);

    expect((await postForm(tokenUrl, params)).status).toBe(200);
  });

  it('ignores unknown parameters', async () => {
    const response = await postForm(tokenUrl, { ...aliceParams, favourite_colour: 'teal', device: 'x' });
    expect(response.status).toBe(200);
  });

  it('accepts a charset suffix on both content types', async () => {
    const form = await postRaw(tokenUrl, new URLSearchParams(aliceParams).toString(), {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    });
    const json = await postRaw(tokenUrl, JSON.stringify(aliceParams), {
      'content-type': 'application/json; charset=utf-8',
    });

    expect(form.status).toBe(200);
    expect(json.status).toBe(200);
  });

  it('reads JSON sent as text/plain, as fetch labels a string body without a content type', async () => {
    const response = await fetch(tokenUrl, { method: 'POST', body: JSON.stringify(aliceParams) });
    expect(response.status).toBe(200);
  });

  it('answers malformed JSON with 400 invalid_request and no parser details', async () => {
    const response = await postRaw(tokenUrl, '{"grant_type": "password", "password": "Secret', {
      'content-type': 'application/json',
    });

    expect(response.status).toBe(400);
    expect(response.json['error']).toBe('invalid_request');
    expect(response.text).not.toContain('Secret');
    expectNoLeak(response.text);
  });

  it('refuses a JSON body that is not an object', async () => {
    const response = await postRaw(tokenUrl, '["grant_type"]', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(response.json['error']).toBe('invalid_request');
  });

  it('refuses non-string JSON values for parameters it reads', async () => {
    const response = await postRaw(tokenUrl, JSON.stringify({ ...aliceParams, password: 12345 }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: 'invalid_request',
      error_description: 'Parameter must be a string: password',
    });
  });

  it('treats __proto__ in a JSON body as an ordinary ignored parameter', async () => {
    const body = `{"__proto__":{"polluted":true},${JSON.stringify(aliceParams).slice(1)}`;
    const response = await postRaw(tokenUrl, body, { 'content-type': 'application/json' });

    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers an unknown grant_type with 400 unsupported_grant_type', async () => {
    const response = await postForm(tokenUrl, { ...aliceParams, grant_type: 'urn:example:magic' });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'unsupported_grant_type', error_description: 'Grant type not supported' });
  });

  it('answers an empty POST with 400 Missing required parameter: grant_type', async () => {
    const response = await fetch(tokenUrl, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: grant_type',
    });
  });

  it('answers a wrong method or path with an OAuth-shaped 404', async () => {
    for (const response of [await fetch(tokenUrl), await fetch(`${server.url}/oauth/nothing`, { method: 'POST' })]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: 'not_found', error_description: 'Not found.' });
    }
  });
});
