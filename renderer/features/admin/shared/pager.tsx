import { Button, Group, Text } from '@mantine/core';

export interface PagerProps {
  /** Index of the first item shown, the page size and the whole count, as an offset page reports them. */
  start: number;
  limit: number;
  total: number;
  shown: number;
  /** What is listed: `{ one: 'user', many: 'users' }`. */
  noun: { one: string; many: string };
  onPage: (page: number) => void;
  isLoading?: boolean;
}

/** "Showing 11–20 of 42 users" with Previous and Next. The count is a polite live region: it changes on paging. */
export function Pager({ start, limit, total, shown, noun, onPage, isLoading = false }: PagerProps) {
  const page = limit > 0 ? Math.floor(start / limit) : 0;
  const hasNext = start + shown < total;
  return (
    <Group justify="space-between">
      <Text size="sm" aria-live="polite">
        {total === 0
          ? `No ${noun.many}`
          : `Showing ${start + 1}–${start + shown} of ${total} ${total === 1 ? noun.one : noun.many}`}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={page === 0 || isLoading} onClick={() => onPage(page - 1)}>
          Previous page
        </Button>
        <Button variant="default" size="xs" disabled={!hasNext || isLoading} onClick={() => onPage(page + 1)}>
          Next page
        </Button>
      </Group>
    </Group>
  );
}
