import { describe, expect, it } from 'vitest';
import type { ColorSchemeChoice } from '../../../common/settings/color-scheme';
import { settingsColorSchemeManager } from '../../../renderer/app/color-scheme-manager';

function storeWith(stored: ColorSchemeChoice | null) {
  const saved: ColorSchemeChoice[] = [];
  let resolveLoad: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (resolveLoad = resolve));
  return {
    saved,
    loaded,
    store: {
      load: async () => {
        resolveLoad();
        return stored;
      },
      save: (scheme: ColorSchemeChoice) => saved.push(scheme),
    },
  };
}

describe('settings colour-scheme manager', () => {
  it('starts with the default, then applies the scheme main remembered', async () => {
    const { store, loaded } = storeWith('dark');
    const manager = settingsColorSchemeManager(store);
    expect(manager.get('auto')).toBe('auto');
    const updates: string[] = [];
    manager.subscribe((scheme) => updates.push(scheme));
    await loaded;
    await Promise.resolve();
    expect(updates).toEqual(['dark']);
    expect(manager.get('auto')).toBe('dark');
  });

  it('saves a choice through main, and a late answer from main does not undo it', async () => {
    const { store, saved, loaded } = storeWith('light');
    const manager = settingsColorSchemeManager(store);
    const updates: string[] = [];
    manager.subscribe((scheme) => updates.push(scheme));
    manager.set('dark');
    await loaded;
    await Promise.resolve();
    expect(saved).toEqual(['dark']);
    expect(updates).toEqual([]);
    expect(manager.get('auto')).toBe('dark');
  });
});
