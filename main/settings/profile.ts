// The schema is pure and shared with the IPC contract, so it lives in common/; main adds what only it needs.
export * from '../../common/settings/profile.schema';

/** The keychain account that holds a confidential client's secret for this profile (never in settings). */
export function clientSecretAccount(profileId: string): string {
  return `client-secret:${profileId}`;
}
