import http from 'node:http';
import https from 'node:https';
import modemHttp from 'docker-modem/lib/http.js';

/**
 * docker-modem sends every Engine API request through its own copy of follow-redirects (lib/http.js),
 * which follows a 3xx to wherever `Location` points (another local port, another host) with no error
 * listener on the new request, so a redirect can both reach a third party and crash the process. This
 * points docker-modem's request functions at Node's own, which never follow: a 3xx is then an answer
 * that docker-modem reports as an HTTP error. Idempotent; applies to every dockerode client in the process.
 */
export function refuseEngineRedirects(): void {
  modemHttp.http.request = (options, callback) => http.request(options, callback);
  modemHttp.http.get = (options, callback) => http.get(options, callback);
  modemHttp.https.request = (options, callback) => https.request(options, callback);
  modemHttp.https.get = (options, callback) => https.get(options, callback);
  modemHttp.maxRedirects = 0;
}
