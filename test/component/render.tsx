import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createQueryClient } from '../../renderer/api/query-client';
import { theme } from '../../renderer/app/theme';

/** Renders one piece the way the window does: Mantine's theme and a fresh query cache of its own. */
export function renderInApp(ui: ReactElement): RenderResult {
  const queryClient = createQueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>{ui}</MantineProvider>
    </QueryClientProvider>,
  );
}
