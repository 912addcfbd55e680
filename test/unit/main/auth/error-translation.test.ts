import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../../../../common/errors/app-error';
import { translateServerError, type TokenOperation } from '../../../../main/auth/error-translation';

const body = (error: string, description?: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify(description === undefined ? { error, ...extra } : { error, error_description: description, ...extra });

type Row = readonly [
  label: string,
  status: number,
  raw: string,
  operation: TokenOperation,
  code: AppErrorCode,
  words: RegExp,
];

/** Each row: the right code, plain words, a next step, the raw status, and a shape that may cross IPC. */
function expectTranslated(status: number, raw: string, operation: TokenOperation, code: AppErrorCode, words: RegExp) {
  const error = translateServerError(status, raw, operation);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(words);
  expect(error.nextStep?.length).toBeGreaterThan(10);
  expect(error.detail?.status).toBe(status);
  expect(AppError.safeParse(error).success).toBe(true);
}

// spec/auth0-wire.md §2: one row per catalogue line, with the literal strings Auth0 sends.
const auth0Catalogue: Row[] = [
  [
    '§2.1 wrong password',
    403,
    body('invalid_grant', 'Wrong email or password.'),
    'sign-in',
    'invalid_credentials',
    /username or password is wrong/,
  ],
  [
    '§2.2 legacy wrong password',
    401,
    body('invalid_user_password', 'Wrong email or password.'),
    'sign-in',
    'invalid_credentials',
    /password is wrong/,
  ],
  [
    '§2.3 admin-blocked user',
    401,
    body('unauthorized', 'user is blocked'),
    'sign-in',
    'user_blocked',
    /blocked by an administrator/,
  ],
  [
    '§2.4 brute-force block',
    429,
    body(
      'too_many_attempts',
      'Your account has been blocked after multiple consecutive login attempts. We’ve sent you an email with instructions on how to unblock it.',
    ),
    'sign-in',
    'too_many_attempts',
    /locked after too many failed attempts/,
  ],
  [
    '§2.5 suspicious-IP throttling',
    429,
    body(
      'too_many_attempts',
      'We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator.',
    ),
    'sign-in',
    'too_many_attempts',
    /from this network are blocked/,
  ],
  [
    '§2.6 breached password',
    401,
    body(
      'password_leaked',
      'This login attempt has been blocked because the password you’re using was previously disclosed through a data breach (not in this application).',
    ),
    'sign-in',
    'password_leaked',
    /data breach/,
  ],
  [
    '§2.7 bot detection',
    401,
    body('requires_verification', 'Suspicious request requires verification'),
    'sign-in',
    'requires_verification',
    /not a robot/,
  ],
  [
    '§2.8 MFA needed',
    403,
    body('mfa_required', 'Multifactor authentication required', { mfa_token: 'Fe26.secret' }),
    'sign-in',
    'mfa_required',
    /second factor/,
  ],
  [
    '§2.9 grant not allowed',
    403,
    body('unauthorized_client', "Grant type 'password' not allowed for the client."),
    'sign-in',
    'unauthorized_client',
    /not allowed to sign in this way/,
  ],
  [
    '§2.10 wrong client secret',
    401,
    body('access_denied', 'Unauthorized'),
    'sign-in',
    'unauthorized_client',
    /client credentials/,
  ],
  [
    '§2.11 client auth failed',
    401,
    body('invalid_client', 'Client authentication failed.'),
    'sign-in',
    'unauthorized_client',
    /client credentials/,
  ],
  [
    '§2.12 unknown client_id',
    403,
    body('unauthorized_client', 'invalid client'),
    'sign-in',
    'unauthorized_client',
    /does not know this app’s client ID/,
  ],
  [
    '§2.13 no default directory',
    500,
    body('server_error', 'Authorization server not configured with default connection.'),
    'sign-in',
    'server_error',
    /no default directory/,
  ],
  [
    '§2.14 audience not an API',
    403,
    body('access_denied', 'Service not enabled within domain: https://nope/'),
    'sign-in',
    'access_denied',
    /does not know the API “https:\/\/nope\/”/,
  ],
  [
    '§2.15 rule UnauthorizedError',
    401,
    body('unauthorized', 'Only staff on weekdays'),
    'sign-in',
    'access_denied',
    /Only staff on weekdays/,
  ],
  [
    '§2.16 rule Error / action deny',
    403,
    body('access_denied', 'Contractors may not sign in on weekends'),
    'sign-in',
    'access_denied',
    /Contractors may not sign in on weekends/,
  ],
  ['§2.17 rule redirect', 403, body('interaction_required'), 'sign-in', 'interaction_required', /web browser/],
  [
    '§2.18 missing parameter',
    400,
    body('invalid_request', 'Missing required parameter: username'),
    'sign-in',
    'invalid_request',
    /Missing required parameter: username/,
  ],
  [
    '§2.18 unknown connection',
    400,
    body('invalid_request', 'the connection was not found'),
    'sign-in',
    'invalid_realm',
    /realm is not available/,
  ],
  [
    '§2.18 connection not enabled',
    400,
    body('invalid_request', 'the connection is not enabled'),
    'sign-in',
    'invalid_realm',
    /realm is not available/,
  ],
  [
    '§2.19 bad scope',
    400,
    body('invalid_scope', 'Scope must be an array or a string'),
    'sign-in',
    'invalid_scope',
    /permissions \(scope\)/,
  ],
  [
    '§2.20 unknown grant (400)',
    400,
    body('unsupported_grant_type', 'Grant type not supported'),
    'sign-in',
    'unsupported_grant_type',
    /does not offer this way of signing in/,
  ],
  [
    '§2.20 unknown grant (501)',
    501,
    body('unsupported_grant_type', 'Grant type not supported'),
    'sign-in',
    'unsupported_grant_type',
    /does not offer/,
  ],
  [
    '§2.21 rate limit',
    429,
    body('too_many_requests', 'Global limit has been reached'),
    'sign-in',
    'rate_limited',
    /limiting how often/,
  ],
  [
    '§2.22 endpoint disabled',
    404,
    body('endpoint_disabled', 'Endpoint disabled'),
    'sign-in',
    'invalid_request',
    /does not offer this at that address/,
  ],
  ['§2.22 wrong method', 405, body('method_not_allowed'), 'sign-in', 'invalid_request', /does not offer this/],
];

// §4.5: the MFA grants' answers, and the /mfa/* API's.
const mfaCatalogue: Row[] = [
  [
    'wrong binding code',
    403,
    body('invalid_grant', 'Invalid binding_code.'),
    'mfa',
    'mfa_invalid_code',
    /code was not accepted/,
  ],
  [
    'spent oob_code',
    403,
    body('invalid_grant', 'Invalid oob_code.'),
    'mfa',
    'mfa_invalid_code',
    /code was not accepted/,
  ],
  [
    'reference server recovery text',
    403,
    body('invalid_grant', 'Invalid recovery_code.'),
    'mfa',
    'mfa_invalid_code',
    /recovery code is not valid/,
  ],
  ['wrong OTP', 403, body('invalid_grant', 'Invalid otp_code.'), 'mfa', 'mfa_invalid_code', /code was not accepted/],
  ['expired mfa_token', 403, body('expired_token', 'mfa_token is expired'), 'mfa', 'mfa_expired', /ran out/],
  [
    'malformed mfa_token',
    403,
    body('invalid_grant', 'Malformed mfa_token'),
    'mfa',
    'mfa_expired',
    /can no longer be completed/,
  ],
  [
    'OOB pending',
    400,
    body('authorization_pending', 'Authorization pending: please repeat the request in a few seconds.'),
    'mfa',
    'mfa_pending',
    /Waiting for you to approve/,
  ],
  [
    'OOB slow down',
    400,
    body('slow_down', 'You are polling faster than allowed.'),
    'mfa',
    'mfa_slow_down',
    /less often/,
  ],
  [
    'OOB rejected',
    403,
    body('invalid_grant', 'MFA Authorization rejected.'),
    'mfa',
    'mfa_rejected',
    /rejected on your other device/,
  ],
  [
    'wrong recovery code',
    403,
    body('invalid_grant', 'Invalid recovery code.'),
    'mfa',
    'mfa_invalid_code',
    /recovery code is not valid/,
  ],
  [
    'OTP bucket empty',
    429,
    body('too_many_attempts', 'Too many failed codes.'),
    'mfa',
    'too_many_attempts',
    /Too many wrong codes/,
  ],
  [
    'no usable factor',
    400,
    body('unsupported_challenge_type', 'User is not enrolled.'),
    'mfa',
    'mfa_not_enrolled',
    /no second factor/,
  ],
  ['association needed', 400, body('association_required'), 'mfa', 'mfa_not_enrolled', /no second factor/],
  [
    'already enrolled',
    403,
    body('access_denied', 'User is already enrolled.'),
    'mfa',
    'access_denied',
    /already has a second factor/,
  ],
  [
    'MFA API bearer refused',
    401,
    body('invalid_token', 'invalid token'),
    'mfa',
    'mfa_expired',
    /can no longer be completed/,
  ],
  ['MFA API 401 without a body', 401, '', 'mfa', 'mfa_expired', /can no longer be completed/],
];

describe('translateServerError: Auth0’s catalogue', () => {
  it.each([...auth0Catalogue, ...mfaCatalogue])(
    '%s (HTTP %i) becomes a typed AppError',
    (_label, status, raw, operation, code, words) => expectTranslated(status, raw, operation, code, words),
  );
});
