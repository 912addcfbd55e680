import { describe, expect, it } from 'vitest';
import { probeKeychain } from '../../../../main/secrets/keychain-probe';
import { SecretStoreUnavailableError } from '../../../../main/secrets/secret-store';
import { MemorySecretStore } from '../../../support/memory-secret-store';

describe('keychain probe', () => {
  it('says a working keychain works, and leaves no probe entry behind', async () => {
    const store = new MemorySecretStore();
    expect(await probeKeychain(store)).toEqual({ works: true });
    expect(store.entries.size).toBe(0);
  });

  it('says why an unavailable keychain does not work', async () => {
    const store = new MemorySecretStore();
    store.set = () => Promise.reject(new SecretStoreUnavailableError('No Secret Service is running.'));
    expect(await probeKeychain(store)).toEqual({ works: false, reason: 'No Secret Service is running.' });
  });

  it('notices a keychain that stores but gives back something else', async () => {
    const store = new MemorySecretStore();
    store.get = () => Promise.resolve('garbled');
    expect(await probeKeychain(store)).toMatchObject({ works: false, reason: /gave back something else/ });
    expect(store.entries.size).toBe(0);
  });
});
