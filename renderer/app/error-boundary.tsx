import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  hasFailed: boolean;
}

/**
 * The renderer's one catch for bugs (expected failures arrive as AppError values instead). It shows a plain
 * message, never a stack trace, and logs the error for the developer tools.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { hasFailed: false };

  static getDerivedStateFromError(): State {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Gatehouse screen crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.hasFailed) return this.props.children;
    return (
      <Paper component="main" withBorder radius="md" p="xl" maw={520}>
        <Stack gap="sm" align="flex-start" role="alert">
          <Title order={1}>Something went wrong</Title>
          <Text>Gatehouse hit an unexpected problem and cannot show this screen.</Text>
          <Text>Reload the window. If it happens again, quit and reopen Gatehouse, then contact IT.</Text>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Paper>
    );
  }
}
