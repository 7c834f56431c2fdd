// docker-modem's own request layer (a copy of follow-redirects 0.0.x), which ships no types.
declare module 'docker-modem/lib/http.js' {
  import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';

  type Request = (options: RequestOptions, callback?: (response: IncomingMessage) => void) => ClientRequest;

  /** The `http` and `https` objects docker-modem's Modem calls `request` on, for every Engine API request. */
  const modemHttp: { http: { request: Request; get: Request }; https: { request: Request; get: Request }; maxRedirects: number };
  export default modemHttp;
}
