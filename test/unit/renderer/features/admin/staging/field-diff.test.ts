import { describe, expect, it } from 'vitest';
import { diffFields } from '../../../../../../renderer/features/admin/staging/field-diff';

describe('diffFields', () => {
  it('names a nested change by its flattened path', () => {
    const before = { options: { password_complexity_options: { min_length: 8 }, passwordPolicy: 'good' } };
    const after = { options: { password_complexity_options: { min_length: 12 }, passwordPolicy: 'good' } };
    expect(diffFields(before, after)).toEqual([
      { kind: 'changed', path: 'options.password_complexity_options.min_length', before: 8, after: 12 },
    ]);
  });

  it('says which keys were added and removed, and quotes keys that are not identifiers', () => {
    expect(
      diffFields(
        { stage: { 'pre-login': { rate: 1 } }, a: 1 },
        { stage: { 'pre-login': { rate: 1, max_attempts: 5 } } },
      ),
    ).toEqual([
      { kind: 'added', path: 'stage["pre-login"].max_attempts', after: 5 },
      { kind: 'removed', path: 'a', before: 1 },
    ]);
  });

  it('compares lists of plain values by item, and a reorder as a change of the whole list', () => {
    expect(
      diffFields({ allowlist: ['1.1.1.1', '10.0.0.0/8'] }, { allowlist: ['10.0.0.0/8', '2001:db8::/32'] }),
    ).toEqual([{ kind: 'list', path: 'allowlist', removed: ['1.1.1.1'], added: ['2001:db8::/32'] }]);
    expect(diffFields({ shields: ['a', 'b'] }, { shields: ['b', 'a'] })).toEqual([
      { kind: 'changed', path: 'shields', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('walks lists of objects by position', () => {
    expect(diffFields([{ ref: { name: 'a' } }], [{ ref: { name: 'b' } }, { ref: { name: 'c' } }])).toEqual([
      { kind: 'changed', path: '[0].ref.name', before: 'a', after: 'b' },
      { kind: 'added', path: '[1]', after: { ref: { name: 'c' } } },
    ]);
  });

  it('hands multi-line strings (scripts) to the line diff', () => {
    expect(diffFields({ script: 'a\nb' }, { script: 'a\nc' })).toEqual([
      { kind: 'text', path: 'script', before: 'a\nb', after: 'a\nc' },
    ]);
  });

  it('finds nothing between equal values whatever their key order', () => {
    expect(diffFields({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
  });
});
