import { Button, Group, MantineProvider, Text } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { createQueryClient } from '../api/query-client';
import classes from './app.module.css';
import { ErrorBoundary } from './error-boundary';
import { LazyPane, LazySettingsView } from './lazy-panes';
import { Screens } from './screens';
import { StartingScreen } from './starting-screen';
import { loadStartup, type Startup } from './startup';
import { cssVariablesResolver, theme } from './theme';
import { colorSchemeManager } from './window-color-scheme';

/** The whole window: theme (light, dark or following the OS, as chosen in Settings), the crash boundary, and the screens. */
export function App({ startup }: { startup: Promise<Startup> }) {
  // A retry is a new start-up promise; the attempt number remounts the screens so they start from it.
  const [attempt, setAttempt] = useState({ count: 0, startup });
  const retry = () => setAttempt((current) => ({ count: current.count + 1, startup: loadStartup() }));
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  // One cache for the window's lifetime: every screen reads server state through it (see query-client.ts).
  const [queryClient] = useState(createQueryClient);
  const closeSettings = (changed: boolean) => {
    setSettingsOpen(false);
    // Another server may now be in use: the login must show its realms, so start the screens again.
    if (changed) retry();
  };

  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        colorSchemeManager={colorSchemeManager}
        cssVariablesResolver={cssVariablesResolver}
      >
        <div className={classes.shell}>
          <Group component="header" className={classes.header} justify="space-between">
            <Text fw={700} size="lg">
              Gatehouse
            </Text>
            {!isSettingsOpen && (
              <Button variant="subtle" onClick={() => setSettingsOpen(true)}>
                Settings
              </Button>
            )}
          </Group>
          <div className={classes.content}>
            <ErrorBoundary>
              {isSettingsOpen && (
                <LazyPane what="Settings">
                  <LazySettingsView onClose={closeSettings} />
                </LazyPane>
              )}
              {/* Hidden, not unmounted, while Settings is open: a half-typed sign-in or MFA step survives. */}
              <div hidden={isSettingsOpen} className={classes.screens}>
                <Suspense fallback={<StartingScreen />}>
                  <Screens key={attempt.count} startup={attempt.startup} onRetry={retry} />
                </Suspense>
              </div>
            </ErrorBoundary>
          </div>
        </div>
      </MantineProvider>
    </QueryClientProvider>
  );
}
