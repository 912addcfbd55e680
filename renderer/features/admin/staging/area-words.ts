import type { StagedArea } from './staged-change';

/** The tray's badge for where a change came from. */
export const areaWords: Record<StagedArea, string> = {
  realm: 'Realm',
  rule: 'Rule',
  action: 'Action',
  binding: 'Post-login flow',
  'attack-protection': 'Attack protection',
  migration: 'Rule to action',
};

/** Mantine's orange title text is 2.9:1 on white (below WCAG AA); the orange border alone marks the warning. */
export const titleInTextColour = { title: { color: 'var(--mantine-color-text)' } };
