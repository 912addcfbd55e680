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
