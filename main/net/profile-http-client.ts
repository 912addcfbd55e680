import type { AxiosInstance } from 'axios';
import type { AppResult } from '../../common/errors/app-error';
import { ok } from '../../common/result';
import type { Profile } from '../settings/profile';
import { createHttpClient } from './http-client';
import { loadCaBundles } from './trust-store';

export interface ProfileHttpOptions {
  /** From `userAgent(version, runtime)` in main/app. */
  readonly userAgent: string;
  /** CA bundles the managed policy adds for every profile (PEM paths), on top of the profile's own. */
  readonly policyCaBundlePaths?: readonly string[];
}

/**
 * The HTTP client for one server profile: its timeout, its proxy (or the environment's), and its extra CA
 * bundle plus the policy's, all added to Node's trust store. Fails with a `tls` AppError when a bundle
 * cannot be read, so a misconfigured desktop says so instead of failing every sign-in obscurely.
 */
export async function createProfileHttpClient(
  profile: Pick<Profile, 'timeoutMs' | 'proxy' | 'caBundlePath'>,
  options: ProfileHttpOptions,
): Promise<AppResult<AxiosInstance>> {
  const paths = [...(profile.caBundlePath ? [profile.caBundlePath] : []), ...(options.policyCaBundlePaths ?? [])];
  const extra = await loadCaBundles(paths);
  if (!extra.ok) return extra;
  return ok(
    createHttpClient({
      userAgent: options.userAgent,
      timeoutMs: profile.timeoutMs,
      ...(profile.proxy === undefined ? {} : { proxy: profile.proxy }),
      extraCaCertificates: extra.value,
    }),
  );
}
