/**
 * `{ [key]: value }` when there is a value, `{}` otherwise, for spreading into an object literal. Events
 * then carry no `notice: undefined` key, so listeners (and the IPC schema) see the field only when it is set.
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
