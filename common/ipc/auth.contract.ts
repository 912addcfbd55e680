import { z } from 'zod';
import { utf8ByteLength } from '../utf8';
import { channel, event } from './channel';
import { SessionChanged, SessionSummary } from './session.schema';

/** Auth0 caps passwords well below this; we refuse anything larger before it leaves the window. */
export const maxPasswordBytes = 1024;

/** Token-request parameters the grant or a credential own: no extra parameter, profile's or sign-in's, sets them. */
export const grantParams: readonly string[] = [
  'grant_type',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'username',
  'password',
  'realm',
  'refresh_token',
  'mfa_token',
  'otp',
  'oob_code',
  'binding_code',
  'recovery_code',
  'token',
];

/** A sign-in's own extra parameters may not set these either: audience and scope have their own fields. */
export const reservedTokenParams: ReadonlySet<string> = new Set([...grantParams, 'audience', 'scope']);

export const SignInInput = z.object({
  profileId: z.string().min(1).max(128),
  /** The user directory (Auth0 connection). Null means the server's default directory (`password` grant). */
  realm: z.string().min(1).max(128).nullable(),
  username: z.string().trim().min(1, 'Enter your username or e-mail').max(320),
  password: z
    .string()
    .min(1, 'Enter your password')
    .refine((value) => utf8ByteLength(value) <= maxPasswordBytes, 'That password is too long'),
  audience: z.string().max(2048).optional(),
  scope: z.string().max(4096).optional(),
  /** For this sign-in only; names the grant or a credential uses are refused, not silently dropped. */
  extraParams: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'letters, digits and _ . : - only')
        .refine((name) => !reservedTokenParams.has(name), 'this parameter is set by Gatehouse itself'),
      z.string().max(2048),
    )
    .refine((params) => Object.keys(params).length <= 20, 'at most 20 extra parameters')
    .optional(),
  /** "Keep me signed in": asks for `offline_access` and keeps the refresh token in the keychain. Default on. */
  keepSignedIn: z.boolean().default(true),
});
export type SignInInput = z.infer<typeof SignInInput>;
export type SignInRequest = z.input<typeof SignInInput>;

const Empty = z.object({}).strict();

export const SignOutInput = z.object({ accountId: z.string().min(1).optional() }).strict();
export type SignOutInput = z.infer<typeof SignOutInput>;

export const authChannels = {
  /** Sign in with username and password; the refresh token goes to the keychain. */
  signIn: channel('auth:signIn', SignInInput, SessionSummary),
  /** Restore stored accounts silently (refresh with the keychain's token). Null when nothing is stored. */
  restore: channel('auth:restore', Empty, SessionSummary.nullable()),
  /** Sign out of one account (default: the active one): forget it here and in the keychain. */
  signOut: channel('auth:signOut', SignOutInput, z.object({ signedOut: z.boolean() })),
  /** The active session, if any, without touching the network. */
  session: channel('auth:session', Empty, SessionSummary.nullable()),
  /** Every signed-in account, across profiles. */
  accounts: channel('auth:accounts', Empty, z.array(SessionSummary)),
  /** Make another signed-in account the active one. */
  switchAccount: channel('auth:switchAccount', z.object({ accountId: z.string().min(1) }).strict(), SessionSummary),
  /** Sign out of every account: revoke, delete from the keychain, forget. */
  signOutAll: channel('auth:signOutAll', Empty, z.object({ signedOut: z.number().int() })),
  /** Drop access tokens from memory now (the idle lock does this by itself, per policy). */
  lock: channel('auth:lock', Empty, z.object({ locked: z.boolean() })),
  /** Renew locked sessions with their refresh tokens. */
  unlock: channel('auth:unlock', Empty, SessionSummary.nullable()),
} as const;

export const authEvents = {
  sessionChanged: event('session:changed', SessionChanged),
} as const;
