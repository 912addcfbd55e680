/** Names the app and its version in every request, so server logs show who called. */
export function userAgent(version: string, runtime: string): string {
  return `Gatehouse/${version} (${runtime})`;
}
