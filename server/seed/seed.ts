import type { PasswordHasher } from '../security/password-hasher';
import type { Repositories } from '../storage/repositories';
import { seedDemoTenant } from './demo-tenant';

/** Names accepted by `--seed`. */
export type SeedName = 'demo';

/**
 * Seeds `name` into an empty tenant (no connections and no clients) and reports whether it did. A tenant
 * that already has data is left alone, so restarting with `--seed demo` is harmless and keeps users,
 * tokens and keys.
 */
export async function seedIfEmpty(name: SeedName, repos: Repositories, hasher: PasswordHasher): Promise<boolean> {
  if (repos.connections.count() > 0 || repos.clients.count() > 0) return false;
  switch (name) {
    case 'demo':
      await seedDemoTenant(repos, hasher);
      return true;
  }
}
