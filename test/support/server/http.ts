/** Small fetch helpers for talking to the reference server in tests. */

/** A response read once, with its body as text and (when it parses) as JSON. */
export interface ReadResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

async function read(response: Response): Promise<ReadResponse> {
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (an empty revoke answer, say); tests look at `text` then.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs `params` as `application/x-www-form-urlencoded`. */
export async function postForm(
  url: string,
  params: Record<string, string> | URLSearchParams,
  headers: Record<string, string> = {},
): Promise<ReadResponse> {
  const body = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  return read(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: body.toString(),
    }),
  );
}

/** POSTs `body` as JSON. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ReadResponse> {
  return read(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** POSTs a raw body with exactly the headers given. */
export async function postRaw(url: string, body: string, headers: Record<string, string>): Promise<ReadResponse> {
  return read(await fetch(url, { method: 'POST', headers, body }));
}

/** GETs `url`. */
export async function get(url: string): Promise<ReadResponse> {
  return read(await fetch(url));
}

/** `Authorization: Basic` for a client (RFC 6749 §2.3.1: form-encode, join with ':', base64). */
export function basicAuth(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** Decodes a JWT's payload without verifying it (tests verify separately where it matters). */
export function decodePayload(jwt: unknown): Record<string, unknown> {
  if (typeof jwt !== 'string') throw new Error('not a JWT');
  const payload = jwt.split('.')[1];
  if (payload === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
