import { MantineProvider, Text } from '@mantine/core';
import { Suspense, useState } from 'react';
import classes from './app.module.css';
import { ErrorBoundary } from './error-boundary';
import { Screens } from './screens';
import { StartingScreen } from './starting-screen';
import { loadStartup, type Startup } from './startup';
import { cssVariablesResolver, followSystemColorScheme, theme } from './theme';

/** The whole window: theme (light or dark, following the OS), the crash boundary, and the screens. */
export function App({ startup }: { startup: Promise<Startup> }) {
  // A retry is a new start-up promise; the attempt number remounts the screens so they start from it.
  const [attempt, setAttempt] = useState({ count: 0, startup });
  const retry = () => setAttempt((current) => ({ count: current.count + 1, startup: loadStartup() }));

  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={followSystemColorScheme}
      cssVariablesResolver={cssVariablesResolver}
    >
      <div className={classes.shell}>
        <header className={classes.header}>
          <Text fw={700} size="lg">
            Gatehouse
          </Text>
        </header>
        <div className={classes.content}>
          <ErrorBoundary>
            <Suspense fallback={<StartingScreen />}>
              <Screens key={attempt.count} startup={attempt.startup} onRetry={retry} />
            </Suspense>
          </ErrorBoundary>
        </div>
      </div>
    </MantineProvider>
  );
}
