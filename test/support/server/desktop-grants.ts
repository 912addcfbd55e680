import { decodeJwt } from 'jose';
import { demo } from './demo-tenant';
import { postForm, type ReadResponse } from './http';

/** Where a test server answers: its base URL (no trailing slash needed). */
type ServerUrl = { readonly url: string };

const tokenUrl = (server: ServerUrl) => new URL('/oauth/token', server.url).toString();

/** The desktop app's password-realm grant, as it sends it. */
export function desktopLogin(
  server: ServerUrl,
  user: { username: string; password: string; realm: string; scope?: string },
): Promise<ReadResponse> {
  return postForm(tokenUrl(server), {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username: user.username,
    password: user.password,
    realm: user.realm,
    scope: user.scope ?? 'openid profile email offline_access',
  });
}

/** The desktop app's refresh grant; `extra` adds parameters (a narrower `scope`, say). */
export function desktopRefresh(
  server: ServerUrl,
  refreshToken: unknown,
  extra: Record<string, string> = {},
): Promise<ReadResponse> {
  return postForm(tokenUrl(server), {
    grant_type: demo.grants.refreshToken,
    client_id: demo.clients.desktop.clientId,
    refresh_token: String(refreshToken),
    ...extra,
  });
}

/** The claims of a JWT from a token answer (`json['access_token']`), decoded without checking it. */
export function claimsOf(jwt: unknown): Record<string, unknown> {
  return decodeJwt(String(jwt));
}
