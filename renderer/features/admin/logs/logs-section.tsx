import { useState } from 'react';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { LogDetail } from './log-detail';
import { LogSearch, type LogQuery } from './log-search';

/** Logs: a search of the tenant log, and one event's detail; "Back" returns to the same search. */
export function LogsSection() {
  const [query, setQuery] = useState<LogQuery>({ q: '', page: 0 });
  const [open, setOpen] = useState<LogEvent>();
  const [hasReturned, setReturned] = useState(false);

  if (open) {
    return (
      <LogDetail
        key={open.log_id}
        summary={open}
        onBack={() => {
          setOpen(undefined);
          setReturned(true);
        }}
      />
    );
  }
  return <LogSearch query={query} onQuery={setQuery} onOpen={setOpen} focusOnMount={hasReturned} />;
}
