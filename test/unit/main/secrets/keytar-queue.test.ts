import { describe, expect, it, vi } from 'vitest';

// A stand-in for keytar's native calls that records how many run at once. It is a fake only inside this
// unit test of the queue around it; integration tests use the real keychain.
const native = vi.hoisted(() => {
  const state = { inFlight: 0, most: 0, order: [] as string[] };
  const call = async (name: string, fail = false) => {
    state.inFlight += 1;
    state.most = Math.max(state.most, state.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    state.order.push(name);
    state.inFlight -= 1;
    if (fail) throw new Error('The name org.freedesktop.secrets was not provided');
    return null;
  };
  return { state, call };
});

vi.mock('keytar', () => ({
  default: {
    getPassword: (_service: string, account: string) => native.call(`get ${account}`, account === 'broken'),
    setPassword: (_service: string, account: string) => native.call(`set ${account}`),
    deletePassword: (_service: string, account: string) => native.call(`delete ${account}`).then(() => true),
    findCredentials: () => native.call('list').then(() => []),
  },
}));

const { KeytarSecretStore } = await import('../../../../main/secrets/keytar-secret-store');

describe('KeytarSecretStore', () => {
  it('never runs two keychain calls at once, even from two stores, and keeps their order', async () => {
    const first = new KeytarSecretStore();
    const second = new KeytarSecretStore('other-service');
    await Promise.all([
      first.get('a'),
      second.set('b', 'secret'),
      first.listAccounts(),
      second.delete('c'),
      first.get('d'),
    ]);
    expect(native.state.most).toBe(1);
    expect(native.state.order).toEqual(['get a', 'set b', 'list', 'delete c', 'get d']);
  });

  it('lets the queue go on after a failed call, which still reports the keychain as unavailable', async () => {
    const store = new KeytarSecretStore();
    const [broken, after] = await Promise.allSettled([store.get('broken'), store.get('after')]);
    expect(broken).toMatchObject({ status: 'rejected', reason: { name: 'SecretStoreUnavailableError' } });
    expect(after).toMatchObject({ status: 'fulfilled', value: null });
  });
});
