import type { MantineColorScheme, MantineColorSchemeManager } from '@mantine/core';
import type { ColorSchemeChoice } from '../../common/settings/color-scheme';

export interface ColorSchemeStore {
  load(): Promise<ColorSchemeChoice | null>;
  save(colorScheme: ColorSchemeChoice): void;
}

/**
 * Mantine's colour-scheme manager over main's settings file: the window has no storage of its own
 * (design/security.md), so the choice goes to main. Mantine reads `get` synchronously at start, so the
 * window starts with its default ("auto", the system's scheme) and switches once main's answer arrives,
 * unless the user chose in the meantime.
 */
export function settingsColorSchemeManager(store: ColorSchemeStore): MantineColorSchemeManager {
  let chosen: MantineColorScheme | null = null;
  let onUpdate: ((colorScheme: MantineColorScheme) => void) | null = null;
  let isLoading = false;
  return {
    get: (defaultValue) => chosen ?? defaultValue,
    set: (colorScheme) => {
      chosen = colorScheme;
      store.save(colorScheme);
    },
    subscribe: (listener) => {
      onUpdate = listener;
      if (isLoading) return;
      isLoading = true;
      void store.load().then((stored) => {
        if (stored === null || chosen !== null) return;
        chosen = stored;
        onUpdate?.(stored);
      });
    },
    unsubscribe: () => {
      onUpdate = null;
    },
    clear: () => {
      chosen = null;
    },
  };
}
