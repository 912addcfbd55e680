import QRCode from 'qrcode';
import { z } from 'zod';
import { appError, type AppResult } from '../../common/errors/app-error';
import { grantTypes } from '../../common/oauth/wire';
import { err, ok } from '../../common/result';
import { parseJsonBody } from '../net/json-body';
import { translateServerError } from './error-translation';
import { pollUntilApproved, type PollOptions, type Sleeper } from './oob-poller';
import { tokensOf, type TokenEndpoint } from './token-endpoint';
import type { TokenSet } from './token-set';

/**
 * An MFA sign-in waiting for its second factor. Main-only: the `mfa_token` is a credential and must never
 * reach the window (design/security.md). The renderer gets `expiresAt` and the authenticator list.
 */
export interface MfaPending {
  readonly mfaToken: string;
  /** Our clock, ms. MFA tokens live 10 minutes on Auth0 (spec/auth0-wire.md §4.1). */
  readonly expiresAt: number;
  /** The realm of the sign-in, so the MFA grant reaches the same token endpoint. */
  readonly realm: string | null;
  /** Auth0's `mfa_requirements`, when the tenant sends them (§4.5, Customizable MFA). */
  readonly requirements?: { readonly challenge?: readonly string[]; readonly enroll?: readonly string[] };
}

export const mfaTokenLifetimeMs = 10 * 60 * 1000;

const AuthenticatorsWire = z.array(
  z.object({
    id: z.string().min(1),
    authenticator_type: z.string().min(1),
    active: z.boolean(),
    oob_channel: z.string().optional(),
    name: z.string().optional(),
  }),
);

/** An enrolled (or enrolling) second factor, as `GET /mfa/authenticators` lists it (§4.2). */
export interface MfaAuthenticator {
  readonly id: string;
  /** `otp`, `oob` or `recovery-code`. */
  readonly type: string;
  readonly active: boolean;
  readonly oobChannel?: string;
  /** A masked phone number or e-mail address. */
  readonly name?: string;
}

const ChallengeWire = z.object({
  challenge_type: z.enum(['otp', 'oob']),
  oob_code: z.string().min(1).optional(),
  binding_method: z.string().optional(),
});

/** What `POST /mfa/challenge` started (§4.3). `oobCode` stays in main; `bindingMethod: 'prompt'` asks for a code. */
export interface MfaChallenge {
  readonly challengeType: 'otp' | 'oob';
  readonly oobCode?: string;
  readonly bindingMethod?: string;
}

const AssociateWire = z.object({
  authenticator_type: z.enum(['otp', 'oob']),
  secret: z.string().min(1).optional(),
  barcode_uri: z.string().startsWith('otpauth://').optional(),
  oob_channel: z.string().optional(),
  oob_code: z.string().min(1).optional(),
  binding_method: z.string().optional(),
  recovery_codes: z.array(z.string().min(1)).optional(),
});

/** What to enrol (§4.4): an authenticator app, or codes sent by SMS, voice or e-mail. */
export type AssociateRequest =
  | { readonly type: 'otp' }
  | {
      readonly type: 'oob';
      readonly channel: 'sms' | 'voice' | 'email' | 'auth0';
      readonly phoneNumber?: string;
      readonly email?: string;
    };

/** A started enrolment. The QR code holds the TOTP secret, so it is shown once and never stored. */
export interface MfaEnrolment {
  readonly type: 'otp' | 'oob';
  /** Base32 TOTP secret, for typing into an app that cannot scan. */
  readonly secret?: string;
  readonly barcodeUri?: string;
  /** `barcodeUri` as a PNG `data:` URL, ready for an <img>. */
  readonly qrCodeDataUrl?: string;
  readonly oobChannel?: string;
  readonly oobCode?: string;
  readonly bindingMethod?: string;
  /** Only on the first enrolment: the user must store it now. */
  readonly recoveryCodes?: readonly string[];
}

/** The MFA steps as a port, so the session manager's MFA rules can be tested with a fake. */
export interface MfaGrants {
  authenticators(pending: MfaPending): Promise<AppResult<MfaAuthenticator[]>>;
  associate(pending: MfaPending, request: AssociateRequest): Promise<AppResult<MfaEnrolment>>;
  challenge(pending: MfaPending, choice?: MfaChallengeChoice): Promise<AppResult<MfaChallenge>>;
  otpGrant(pending: MfaPending, otp: string): Promise<AppResult<TokenSet>>;
  oobGrant(pending: MfaPending, oobCode: string, bindingCode?: string): Promise<AppResult<TokenSet>>;
  pollOob(pending: MfaPending, oobCode: string, options?: PollOptions): Promise<AppResult<TokenSet>>;
  recoveryCodeGrant(pending: MfaPending, recoveryCode: string): Promise<AppResult<RecoveryOutcome>>;
}

/** Which factor `POST /mfa/challenge` should use (§4.3); both omitted lets the server pick. */
export interface MfaChallengeChoice {
  readonly challengeType?: 'otp' | 'oob' | 'otp oob';
  readonly authenticatorId?: string;
}

/** A recovery-code sign-in: the tokens, and the new code the user must write down now (§4.5). */
export interface RecoveryOutcome {
  readonly tokens: TokenSet;
  readonly newRecoveryCode?: string;
}

export interface MfaClientOptions {
  readonly endpoint: TokenEndpoint;
  readonly clock: () => number;
  readonly sleep: Sleeper;
}

/**
 * Auth0's MFA API for the password grant (spec/auth0-wire.md §4): authenticators, enrolment, challenges,
 * and the three MFA grants on the token endpoint. Every method takes the pending sign-in, never a bare
 * token, so the realm and the deadline travel with it.
 */
export class MfaClient implements MfaGrants {
  readonly #options: MfaClientOptions;

  constructor(options: MfaClientOptions) {
    this.#options = options;
  }

  /** `GET /mfa/authenticators` with the `mfa_token` as bearer (§4.2). */
  async authenticators(pending: MfaPending): Promise<AppResult<MfaAuthenticator[]>> {
    const url = await this.#mfaUrl(pending, 'authenticators');
    if (!url.ok) return url;
    const raw = await this.#options.endpoint.transport.getWithBearer(url.value, pending.mfaToken);
    const parsed = this.#read(raw, url.value, AuthenticatorsWire);
    if (!parsed.ok) return parsed;
    return ok(
      parsed.value.map((item) => ({
        id: item.id,
        type: item.authenticator_type,
        active: item.active,
        ...(item.oob_channel === undefined ? {} : { oobChannel: item.oob_channel }),
        ...(item.name === undefined ? {} : { name: item.name }),
      })),
    );
  }

  /** `POST /mfa/associate` (§4.4); an OTP enrolment comes with its QR code as a data URL. */
  async associate(pending: MfaPending, request: AssociateRequest): Promise<AppResult<MfaEnrolment>> {
    const url = await this.#mfaUrl(pending, 'associate');
    if (!url.ok) return url;
    const body =
      request.type === 'otp'
        ? { authenticator_types: ['otp'] }
        : {
            authenticator_types: ['oob'],
            oob_channels: [request.channel],
            ...(request.phoneNumber === undefined ? {} : { phone_number: request.phoneNumber }),
            ...(request.email === undefined ? {} : { email: request.email }),
          };
    const raw = await this.#options.endpoint.transport.postJson(url.value, body, pending.mfaToken);
    const parsed = this.#read(raw, url.value, AssociateWire);
    if (!parsed.ok) return parsed;
    const wire = parsed.value;
    const qrCodeDataUrl = wire.barcode_uri === undefined ? undefined : await QRCode.toDataURL(wire.barcode_uri);
    return ok({
      type: wire.authenticator_type,
      ...(wire.secret === undefined ? {} : { secret: wire.secret }),
      ...(wire.barcode_uri === undefined ? {} : { barcodeUri: wire.barcode_uri }),
      ...(qrCodeDataUrl === undefined ? {} : { qrCodeDataUrl }),
      ...(wire.oob_channel === undefined ? {} : { oobChannel: wire.oob_channel }),
      ...(wire.oob_code === undefined ? {} : { oobCode: wire.oob_code }),
      ...(wire.binding_method === undefined ? {} : { bindingMethod: wire.binding_method }),
      ...(wire.recovery_codes === undefined ? {} : { recoveryCodes: wire.recovery_codes }),
    });
  }

  /** `POST /mfa/challenge` (§4.3): which factor to use, and for OOB the code to poll with. */
  async challenge(pending: MfaPending, choice: MfaChallengeChoice = {}): Promise<AppResult<MfaChallenge>> {
    const url = await this.#mfaUrl(pending, 'challenge');
    if (!url.ok) return url;
    const body = {
      mfa_token: pending.mfaToken,
      ...(choice.challengeType === undefined ? {} : { challenge_type: choice.challengeType }),
      ...(choice.authenticatorId === undefined ? {} : { authenticator_id: choice.authenticatorId }),
    };
    const raw = await this.#options.endpoint.transport.postJson(url.value, body);
    const parsed = this.#read(raw, url.value, ChallengeWire);
    if (!parsed.ok) return parsed;
    return ok({
      challengeType: parsed.value.challenge_type,
      ...(parsed.value.oob_code === undefined ? {} : { oobCode: parsed.value.oob_code }),
      ...(parsed.value.binding_method === undefined ? {} : { bindingMethod: parsed.value.binding_method }),
    });
  }

  /** The `mfa-otp` grant (§4.5): the code from an authenticator app. */
  async otpGrant(pending: MfaPending, otp: string): Promise<AppResult<TokenSet>> {
    const answer = await this.#grant(pending, { grant_type: grantTypes.mfaOtp, otp });
    return tokensOf(answer, (success) => success.tokens);
  }

  /** One `mfa-oob` attempt (§4.5); `bindingCode` is the code the user received, for `binding_method: prompt`. */
  async oobGrant(pending: MfaPending, oobCode: string, bindingCode?: string): Promise<AppResult<TokenSet>> {
    const params = {
      grant_type: grantTypes.mfaOob,
      oob_code: oobCode,
      ...(bindingCode ? { binding_code: bindingCode } : {}),
    };
    return tokensOf(await this.#grant(pending, params), (success) => success.tokens);
  }

  /** `mfa-oob` repeated until approved, rejected or expired, honouring `authorization_pending` and `slow_down`. */
  pollOob(pending: MfaPending, oobCode: string, options: PollOptions = {}): Promise<AppResult<TokenSet>> {
    const { clock, sleep } = this.#options;
    return pollUntilApproved(() => this.oobGrant(pending, oobCode), options, {
      clock,
      sleep,
      deadline: pending.expiresAt,
    });
  }

  /**
   * The `mfa-recovery-code` grant (§4.5). The old code stops working; the answer carries a new one that
   * the user must write down now, so it is returned beside the tokens.
   */
  async recoveryCodeGrant(pending: MfaPending, recoveryCode: string): Promise<AppResult<RecoveryOutcome>> {
    const answer = await this.#grant(pending, { grant_type: grantTypes.mfaRecoveryCode, recovery_code: recoveryCode });
    return tokensOf(answer, (success) => ({
      tokens: success.tokens,
      ...(success.recoveryCode === undefined ? {} : { newRecoveryCode: success.recoveryCode }),
    }));
  }

  #grant(pending: MfaPending, params: Record<string, string>) {
    return this.#options.endpoint.request({ ...params, mfa_token: pending.mfaToken }, 'mfa', pending.realm);
  }

  async #mfaUrl(pending: MfaPending, path: string): Promise<AppResult<string>> {
    const endpoints = await this.#options.endpoint.endpoints(pending.realm);
    if (!endpoints.ok) return endpoints;
    if (endpoints.value.mfa === undefined) {
      return err(
        appError('mfa_not_enrolled', 'This server does not offer an MFA API that Gatehouse can use.', {
          nextStep: 'Ask your IT team how to sign in with a second factor on this server.',
        }),
      );
    }
    return ok(new URL(path, endpoints.value.mfa).toString());
  }

  #read<S extends z.ZodType>(
    raw: AppResult<{ status: number; body: string; headers: Record<string, unknown> }>,
    url: string,
    schema: S,
  ): AppResult<z.output<S>> {
    if (!raw.ok) return raw;
    const { status, body, headers } = raw.value;
    if (status < 200 || status >= 300) return err(translateServerError(status, body, 'mfa', headers));
    const parsed = parseJsonBody(schema, body);
    if (parsed.ok) return ok(parsed.value);
    return err(
      appError(
        'server_error',
        `The server’s MFA answer from ${new URL(url).pathname} was not usable: ${parsed.reason}.`,
        {
          nextStep: 'Tell your IT team; the server may not speak Auth0’s MFA API.',
          detail: { status },
        },
      ),
    );
  }
}
