import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appError, type AppResult } from '../../../../common/errors/app-error';
import { err, ok } from '../../../../common/result';
import {
  actionsWrapper,
  checkpointPages,
  collectAll,
  nextFromLink,
  offsetPages,
  toOffsetPage,
  totalsWrapper,
  type CheckpointPage,
  type OffsetPage,
} from '../../../../main/admin/paging';

const Item = z.object({ id: z.number() });
const items = (from: number, count: number) => Array.from({ length: count }, (_, index) => ({ id: from + index }));

describe('offset paging (page, per_page, include_totals)', () => {
  it('reads Auth0’s totals wrapper, and a bare array from a server that ignores include_totals', () => {
    const schema = totalsWrapper('users', Item);
    const wrapped = schema.parse({ start: 4, limit: 2, length: 2, total: 9, users: items(4, 2) });
    expect(toOffsetPage(wrapped as Record<string, unknown>, 'users', { page: 2, perPage: 2 })).toEqual({
      items: items(4, 2),
      start: 4,
      limit: 2,
      total: 9,
    });
    const bare = schema.parse(items(4, 2));
    expect(toOffsetPage(bare as { id: number }[], 'users', { page: 2, perPage: 2 })).toMatchObject({
      start: 4,
      total: 7,
    });
    const short = schema.parse(items(4, 1));
    expect(toOffsetPage(short as { id: number }[], 'users', { page: 2, perPage: 2 })).toMatchObject({ total: 5 });
    expect(schema.safeParse({ start: 0, limit: 2, total: 1, other: [] }).success).toBe(false);
  });

  it('walks pages until the total is reached, asking for each page once', async () => {
    const asked: number[] = [];
    const fetchPage = async (page: number): Promise<AppResult<OffsetPage<{ id: number }>>> => {
      asked.push(page);
      const start = page * 2;
      return ok({ items: items(start, Math.min(2, 5 - start)), start, limit: 2, total: 5 });
    };
    const all = await collectAll(offsetPages(fetchPage));
    expect(all).toEqual(ok(items(0, 5)));
    expect(asked).toEqual([0, 1, 2]);
  });

  it('stops at an empty page even when the total says more (a list that shrank meanwhile)', async () => {
    const asked: number[] = [];
    const pages = offsetPages(async (page) => {
      asked.push(page);
      return ok({ items: page === 0 ? items(0, 2) : [], start: page * 2, limit: 2, total: 10 });
    });
    expect(await collectAll(pages)).toEqual(ok(items(0, 2)));
    expect(asked).toEqual([0, 1]);
  });

  it('ends with the first failure and returns it', async () => {
    const failure = appError('rate_limited', 'slow down');
    const pages = offsetPages(async (page) =>
      page === 0 ? ok({ items: items(0, 2), start: 0, limit: 2, total: 6 }) : err(failure),
    );
    expect(await collectAll(pages)).toEqual(err(failure));
  });

  it('stops collecting at the limit', async () => {
    const pages = offsetPages(async (page) =>
      ok({ items: items(page * 100, 100), start: page * 100, limit: 100, total: 5000 }),
    );
    const all = await collectAll(pages, 250);
    expect(all.ok && all.value.length).toBe(250);
  });

  it('reads the Actions API wrapper ({<key>, total, page, per_page})', () => {
    expect(actionsWrapper('actions', Item).parse({ actions: items(0, 1), total: 3, page: 1, per_page: 1 })).toEqual({
      items: items(0, 1),
      start: 1,
      limit: 1,
      total: 3,
    });
  });
});

describe('checkpoint paging (from, take)', () => {
  it('follows `next` until the server names none', async () => {
    const seen: (string | undefined)[] = [];
    const pages: Record<string, CheckpointPage<{ id: number }>> = {
      start: { items: items(0, 2), next: 'a' },
      a: { items: items(2, 2), next: 'b' },
      b: { items: items(4, 1), next: null },
    };
    const all = await collectAll(
      checkpointPages(async (from) => {
        seen.push(from);
        return ok(pages[from ?? 'start'] as CheckpointPage<{ id: number }>);
      }),
    );
    expect(all).toEqual(ok(items(0, 5)));
    expect(seen).toEqual([undefined, 'a', 'b']);
  });

  it('stops when the checkpoint repeats (the logs’ Link once caught up) or a page is empty', async () => {
    let calls = 0;
    const repeating = checkpointPages(async () => {
      calls += 1;
      return ok({ items: items(calls, 1), next: 'same' });
    });
    expect(await collectAll(repeating)).toEqual(ok([{ id: 1 }, { id: 2 }]));
    const empty = checkpointPages(async () => ok({ items: [], next: 'more' }));
    expect(await collectAll(empty)).toEqual(ok([]));
  });
});

describe('nextFromLink', () => {
  it.each([
    ['<https://t.example/api/v2/logs?from=900&take=100>; rel="next"', '900'],
    ['<https://t.example/api/v2/logs?take=5&from=abc%2Bdef>; rel=next', 'abc+def'],
    ['<https://t.example/x?from=1>; rel="prev", <https://t.example/x?from=2>; rel="next"', '2'],
    ['<https://t.example/x?from=3>; rel="first next"', '3'],
  ])('finds the next checkpoint in %s', (link, from) => {
    expect(nextFromLink({ link })).toBe(from);
  });

  it.each([
    [undefined],
    ['<https://t.example/x?from=1>; rel="prev"'],
    ['<https://t.example/x?take=1>; rel="next"'],
    ['garbage'],
  ])('finds none in %s', (link) => {
    expect(nextFromLink(link === undefined ? {} : { link })).toBeUndefined();
  });
});
