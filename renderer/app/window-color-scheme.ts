import { readColorScheme, saveColorScheme } from '../api/gatehouse';
import { settingsColorSchemeManager } from './color-scheme-manager';

/** The window's one manager: the theme chosen in Settings, kept by main. A failed read keeps the system's. */
export const colorSchemeManager = settingsColorSchemeManager({
  load: async () => {
    const answer = await readColorScheme();
    return answer.ok ? answer.value.colorScheme : null;
  },
  save: (colorScheme) => {
    void saveColorScheme(colorScheme).then((answer) => {
      if (!answer.ok) console.warn('Gatehouse could not remember the theme', answer.error.message);
    });
  },
});
