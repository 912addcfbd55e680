import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { useAdminNavigation } from '../admin-navigation';
import { LogDetail } from './log-detail';
import { LogSearch, type LogQuery } from './log-search';
import { LogTail } from './log-tail';

type View = 'search' | 'tail';

/** Logs: a search or a live tail of the tenant log, and one event's detail; "Back" returns to the same view. */
export function LogsSection() {
  const navigation = useAdminNavigation();
  const [view, setView] = useState<View>('search');
  const [query, setQuery] = useState<LogQuery>({ q: '', page: 0 });
  const [open, setOpen] = useState<LogEvent>();
  const [hasReturned, setReturned] = useState(false);

  if (open) {
    return (
      <LogDetail
        key={open.log_id}
        summary={open}
        backLabel={view === 'tail' ? 'Back to the live tail' : 'Back to log events'}
        onOpenUser={navigation.openUser}
        onBack={() => {
          setOpen(undefined);
          setReturned(true);
        }}
      />
    );
  }
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="How to read the log"
        value={view}
        onChange={(value) => setView(value === 'tail' ? 'tail' : 'search')}
        data={[
          { value: 'search', label: 'Search' },
          { value: 'tail', label: 'Live tail' },
        ]}
      />
      {view === 'search' ? (
        <LogSearch query={query} onQuery={setQuery} onOpen={setOpen} focusOnMount={hasReturned} />
      ) : (
        <LogTail onOpen={setOpen} />
      )}
    </Stack>
  );
}
