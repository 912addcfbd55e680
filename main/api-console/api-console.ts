import type { AxiosInstance } from 'axios';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { ApiCallInput, ApiCallResult } from '../../common/ipc/api.contract';
import { err, ok } from '../../common/result';
import { translateTransportError } from '../auth/error-translation';
import { parseAccountId } from '../session/account-id';
import type { SessionManager } from '../session/session-manager';
import type { Profile } from '../settings/profile';

const maxBodyChars = 256 * 1024;

/**
 * Calls the configured API with the current access token, as Postman would, but the token never leaves
 * main: the window sends a request description and gets the answer back. Only URLs inside the profile's
 * API (its `apiBaseUrl`, else an http(s) `audience`) are allowed, so a token cannot be sent elsewhere.
 */
export class ApiConsole {
  constructor(
    private readonly sessions: SessionManager,
    private readonly profileOf: (profileId: string) => Profile | undefined,
    /** The profile's own client (main/net/profile-http-client.ts), so its proxy, CA bundle and timeout apply. */
    private readonly httpFor: (profile: Profile) => Promise<AppResult<AxiosInstance>>,
    private readonly clock: () => number = Date.now,
  ) {}

  async call(input: ApiCallInput): Promise<AppResult<ApiCallResult>> {
    const accountId = input.accountId ?? this.sessions.active()?.accountId;
    const profile = accountId === undefined ? undefined : this.profileOf(parseAccountId(accountId)?.profileId ?? '');
    if (accountId === undefined || profile === undefined) return err(appError('not_signed_in', 'Sign in first.'));
    const base = apiBase(profile);
    if (base === null || !isInside(input.url, base)) {
      return err(
        appError('invalid_input', `Gatehouse only sends your token to ${base ?? 'the configured API (none is set)'}.`, {
          nextStep: 'Set the API base URL in the profile, or use a URL inside it.',
        }),
      );
    }
    const http = await this.httpFor(profile);
    if (!http.ok) return http;
    const started = this.clock();
    let attempts = 0;
    try {
      const answer = await this.sessions.withAccessToken(accountId, async (accessToken) => {
        attempts += 1;
        return http.value.request<string>({
          method: input.method,
          url: input.url,
          headers: {
            ...input.headers,
            Authorization: `Bearer ${accessToken}`,
            ...(input.contentType === undefined ? {} : { 'Content-Type': input.contentType }),
          },
          ...(input.body === undefined ? {} : { data: input.body }),
        });
      });
      if (!answer.ok) return answer;
      const body = typeof answer.value.data === 'string' ? answer.value.data : '';
      const contentType = answer.value.headers['content-type'];
      return ok({
        status: answer.value.status,
        ...(typeof contentType === 'string' ? { contentType } : {}),
        headers: flatHeaders(answer.value.headers),
        body: body.slice(0, maxBodyChars),
        truncated: body.length > maxBodyChars,
        durationMs: Math.round(this.clock() - started),
        retriedAfterRefresh: attempts > 1,
      });
    } catch (error) {
      return err(translateTransportError(error, input.url));
    }
  }
}

/** Axios headers as plain strings; `set-cookie` arrives as an array and is joined, as a browser's devtools show it. */
function flatHeaders(headers: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') flat[name.toLowerCase()] = value;
    else if (typeof value === 'number') flat[name.toLowerCase()] = String(value);
    else if (Array.isArray(value)) flat[name.toLowerCase()] = value.map(String).join(', ');
  }
  return flat;
}

function apiBase(profile: Profile): string | null {
  const candidate = profile.apiBaseUrl ?? profile.audience;
  return candidate !== undefined && /^https?:\/\//i.test(candidate) ? candidate : null;
}

/** Same origin, and the path starts at the base path on a segment boundary. */
function isInside(url: string, base: string): boolean {
  try {
    const target = new URL(url);
    const root = new URL(base);
    const rootPath = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
    return target.origin === root.origin && (target.pathname === root.pathname || target.pathname.startsWith(rootPath));
  } catch {
    return false;
  }
}
