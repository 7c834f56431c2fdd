import { ServiceError } from '../../errors';

/** What Node's TLS layer and docker-modem put on a failed request. */
interface TlsErrorFields {
  code?: unknown;
  message?: unknown;
  reason?: unknown;
  host?: unknown;
  statusCode?: unknown;
}

/** Node's verification codes for a server certificate no trusted CA signed. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
]);

const OUT_OF_DATE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** Alerts a --tlsverify engine sends when the client certificate is missing or not one its CA signed. */
const CLIENT_CERT_ALERTS = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_(?:CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|ACCESS_DENIED)$/;

/** What OpenSSL says when the other side does not speak TLS (a plain HTTP port). */
const NOT_TLS = /wrong version number|packet length too long|unknown protocol|http request/i;

/** `bad certificate` from `ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE`: the alert's own words, as the docker CLI prints them. */
function alertWords(code: string): string {
  return code.replace(/^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_/, '').toLowerCase().replace(/_/g, ' ');
}

function hostOf(endpoint: string, error: TlsErrorFields): string {
  if (typeof error.host === 'string' && error.host !== '') return error.host;
  try {
    return new URL(endpoint).hostname;
  } catch {
    return endpoint;
  }
}

/**
 * One sentence for a TLS failure between Lightdock and a tcp:// engine, as UNAVAILABLE (never "not running"):
 * the engine's certificate not trusted, out of date, or not for that host name; the engine refusing the client
 * certificate (or its absence); TLS spoken to a plain port; plain HTTP sent to a TLS port. Null for anything else.
 */
export function mapTlsError(error: TlsErrorFields, endpoint: string): ServiceError | null {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (UNTRUSTED.has(code)) {
    return new ServiceError(
      'UNAVAILABLE',
      `The Docker engine at ${endpoint} presented a TLS certificate that the CA certificate given (ca.pem) does not trust (${code}); use the CA that signed the engine's certificate.`,
      { code },
    );
  }
  if (OUT_OF_DATE.has(code)) {
    return new ServiceError('UNAVAILABLE', `The TLS certificate of the Docker engine at ${endpoint} is expired or not yet valid (${code}); renew it or check this machine's clock.`, { code });
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ServiceError(
      'UNAVAILABLE',
      `The TLS certificate of the Docker engine at ${endpoint} is not issued for ${hostOf(endpoint, error)}; connect with a host name the certificate lists, or reissue it with that name.`,
      { code },
    );
  }
  if (CLIENT_CERT_ALERTS.test(code)) {
    return new ServiceError(
      'UNAVAILABLE',
      `The Docker engine at ${endpoint} wants a TLS client certificate signed by its CA and refused the one given, or its absence (remote error: ${alertWords(code)}); put that cert.pem and key.pem in DOCKER_CERT_PATH or the context's TLS files.`,
      { code },
    );
  }
  if ((code === 'EPROTO' || code.startsWith('ERR_SSL_')) && NOT_TLS.test(message)) {
    return new ServiceError(
      'UNAVAILABLE',
      `The Docker engine at ${endpoint} does not speak TLS on that port; use its TLS port, or unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (a context: remove its TLS files).`,
      { code },
    );
  }
  if (error.statusCode === 400 && /client sent an http request to an https server/i.test(message)) {
    return new ServiceError(
      'UNAVAILABLE',
      `The Docker engine at ${endpoint} requires TLS; set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem, or use a context with TLS files.`,
      { statusCode: 400 },
    );
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new ServiceError('UNAVAILABLE', `The TLS handshake with the Docker engine at ${endpoint} failed (${code}).`, { code });
  }
  return null;
}
