// proxy-from-env ships no type declarations; this is the one function Gatehouse calls.
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY, or '' for a direct connection. */
  export function getProxyForUrl(url: string | URL): string;
}
