import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { Check, IntrospectionResult } from '../../common/ipc/inspect.contract';
import { err, ok } from '../../common/result';
import type { ClientAuth } from '../auth/token-client';
import type { Profile } from '../settings/profile';
import { introspect } from './introspection';
import type { ServerReach } from './key-set-location';

export interface OpaqueCheckOutcome {
  readonly checks: Check[];
  readonly introspection: IntrospectionResult | null;
}

const format: Check = {
  id: 'format',
  status: 'warn',
  title: 'Format',
  message: 'An opaque token: it has no signature or claims that Gatehouse could check itself.',
};
const title = 'Introspection';

/**
 * An opaque token can only be judged by its issuer: ask the RFC 7662 endpoint when the profile has one,
 * otherwise say plainly that nothing here can check it.
 */
export async function checkOpaqueToken(
  token: string,
  profile: Profile,
  reach: AppResult<ServerReach>,
  clientSecret: (() => Promise<string | null>) | undefined,
  nowMs: number,
): Promise<OpaqueCheckOutcome> {
  if (!reach.ok) return failed(reach.error);
  const { introspectionUrl: endpoint, http } = reach.value;
  if (endpoint === null) {
    return {
      checks: [
        format,
        {
          id: 'introspection',
          status: 'warn',
          title,
          message:
            'This server offers no introspection endpoint (RFC 7662), so only the API that accepts this token can tell whether it is valid.',
        },
      ],
      introspection: null,
    };
  }
  const clientAuth = await clientAuthFor(profile, clientSecret);
  if (!clientAuth.ok) return failed(clientAuth.error);
  const answer = await introspect(
    http,
    { endpoint, token, clientId: profile.clientId, clientAuth: clientAuth.value },
    nowMs,
  );
  if (!answer.ok) return failed(answer.error);
  const check: Check = answer.value.active
    ? { id: 'introspection', status: 'pass', title, message: `The issuer says this token is active (${endpoint}).` }
    : {
        id: 'introspection',
        status: 'fail',
        title,
        message:
          'The issuer says this token is not active: it has expired, was revoked, or was never issued by this server.',
      };
  return { checks: [format, check], introspection: answer.value };
}

async function clientAuthFor(
  profile: Profile,
  clientSecret: (() => Promise<string | null>) | undefined,
): Promise<AppResult<ClientAuth>> {
  if (profile.clientAuth === 'none') return ok({ method: 'none' });
  const secret = (await clientSecret?.()) ?? null;
  if (secret === null) {
    return err(
      appError('keychain_unavailable', 'The client secret for this profile is not in the keychain.', {
        nextStep: 'Save the client secret in the profile’s settings, then try again.',
      }),
    );
  }
  return ok({ method: profile.clientAuth, secret });
}

function failed(error: AppError): OpaqueCheckOutcome {
  return {
    checks: [format, { id: 'introspection', status: 'fail', title, message: plainWords(error) }],
    introspection: null,
  };
}

/** An AppError's message and next step as one sentence pair, for a check's message. */
export function plainWords(error: Pick<AppError, 'message' | 'nextStep'>): string {
  return error.nextStep === undefined ? error.message : `${error.message} ${error.nextStep}`;
}
