import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { IntrospectionResult } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import { translateServerError, translateTransportError } from '../auth/error-translation';
import { parseJsonBody } from '../net/json-body';
import type { ClientAuth } from '../auth/token-client';
import { explainClaims } from './explain-claims';

export interface IntrospectionRequest {
  readonly endpoint: string;
  readonly token: string;
  readonly clientId: string;
  readonly clientAuth: ClientAuth;
}

// RFC 7662 §2.2: `active` is the one required member; the rest are optional claims about the token.
const IntrospectionWire = z.looseObject({ active: z.boolean() });

/**
 * Asks the issuer about an opaque token (RFC 7662 §2.1). The endpoint requires client authentication, so
 * this uses the profile's own method, with a secret from the keychain for confidential clients.
 */
export async function introspect(
  http: AxiosInstance,
  request: IntrospectionRequest,
  nowMs: number,
): Promise<AppResult<IntrospectionResult>> {
  const form = new URLSearchParams({ token: request.token, token_type_hint: 'access_token' });
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const auth = request.clientAuth;
  if (auth.method === 'client_secret_basic') {
    // RFC 6749 §2.3.1: each part is form-encoded before joining, then base64.
    const pair = `${encodeURIComponent(request.clientId)}:${encodeURIComponent(auth.secret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    form.set('client_id', request.clientId);
    if (auth.method === 'client_secret_post') form.set('client_secret', auth.secret);
  }
  let status: number;
  let body: string;
  try {
    const response = await http.post<string>(request.endpoint, form.toString(), { headers, responseType: 'text' });
    status = response.status;
    body = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
  } catch (error) {
    return err(translateTransportError(error, request.endpoint));
  }
  // Introspection errors are client-authentication errors (RFC 7662 §2.3), worded like revocation's.
  if (status !== 200) return err(translateServerError(status, body, 'revoke'));
  const parsed = parseJsonBody(IntrospectionWire, body);
  if (!parsed.ok) {
    return err(
      appError('server_error', `The introspection endpoint’s answer was not an RFC 7662 response (${parsed.reason}).`, {
        nextStep: 'Check the introspection address in the server profile.',
        detail: { status },
      }),
    );
  }
  const claims = parsed.value as Claims;
  return ok({
    endpoint: request.endpoint,
    active: parsed.value.active,
    claims,
    explained: explainClaims(claims, nowMs),
  });
}
