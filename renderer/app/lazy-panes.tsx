import { Progress, Stack, Text } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';

// The heavy panes load on first open, so the sign-in screen does not pay for them (issue #11, "Weight").
// Each is its own chunk; Vite splits at these dynamic imports.

export const LazyAdminPane = lazy(() =>
  import('../features/admin/admin-pane').then((module) => ({ default: module.AdminPane })),
);

export const LazyInspectorView = lazy(() =>
  import('../features/inspect/inspector-view').then((module) => ({ default: module.InspectorView })),
);

export const LazyApiConsoleView = lazy(() =>
  import('../features/api-console/api-console-view').then((module) => ({ default: module.ApiConsoleView })),
);

// Everything after the sign-in form, too: the first screen carries only the login.
export const LazySignedInShell = lazy(() =>
  import('./signed-in-shell').then((module) => ({ default: module.SignedInShell })),
);

export const LazyMfaView = lazy(() =>
  import('../features/mfa/mfa-view').then((module) => ({ default: module.MfaView })),
);

export const LazySettingsView = lazy(() =>
  import('../features/settings/settings-view').then((module) => ({ default: module.SettingsView })),
);

/** A pane's chunk on its way: a progress line with words, so the wait is visible and announced. */
export function PaneLoading({ what }: { what: string }) {
  return (
    <Stack gap={4} role="status">
      <Text size="sm">Loading {what}…</Text>
      <Progress value={100} animated striped aria-label={`Loading ${what}`} />
    </Stack>
  );
}

export function LazyPane({ what, children }: { what: string; children: ReactNode }) {
  return <Suspense fallback={<PaneLoading what={what} />}>{children}</Suspense>;
}
