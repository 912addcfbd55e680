import type { Json } from './staged-change';

/** Deep equality for plain JSON; object key order does not matter (the Management API does not keep it). */
export function jsonEqual(left: Json | undefined, right: Json | undefined): boolean {
  if (left === right) return true;
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return false;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item: Json, index: number) => jsonEqual(item, right[index] as Json));
  }
  const leftObject = left as { readonly [key: string]: Json };
  const rightObject = right as { readonly [key: string]: Json };
  const keys = new Set([...Object.keys(leftObject), ...Object.keys(rightObject)]);
  for (const key of keys) if (!jsonEqual(leftObject[key], rightObject[key])) return false;
  return true;
}
