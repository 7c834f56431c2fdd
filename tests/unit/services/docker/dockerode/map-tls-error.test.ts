import { describe, expect, it } from 'vitest';
import { mapEngineError } from '../../../../../electron/services/docker/dockerode/map-engine-error';
import { mapTlsError } from '../../../../../electron/services/docker/dockerode/map-tls-error';

const endpoint = 'tcp://127.0.0.1:2376';

/** An error shaped as Node's TLS layer or docker-modem throws it (the shapes seen against a real --tlsverify dockerd). */
const failure = (message: string, fields: Record<string, unknown>): Error => Object.assign(new Error(message), fields);

describe('mapTlsError', () => {
  it('says the server certificate is not trusted, for each code Node gives a CA that did not sign it', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_SIGNATURE_FAILURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      const mapped = mapEngineError(failure('unable to verify the first certificate', { code }), endpoint);
      expect(mapped).toMatchObject({
        code: 'UNAVAILABLE',
        message: `The Docker engine at ${endpoint} presented a TLS certificate that the CA certificate given (ca.pem) does not trust (${code}); use the CA that signed the engine's certificate.`,
      });
    }
  });

  it('says the client certificate was refused, with the alert in the words the docker CLI prints', () => {
    const bad = failure('error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:…SSL alert number 42\n', {
      code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
      reason: 'sslv3 alert bad certificate',
    });
    expect(mapEngineError(bad, endpoint)).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('refused the one given, or its absence (remote error: bad certificate)') });
    const required = failure('…tlsv13 alert certificate required…', { code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' });
    expect(mapTlsError(required, endpoint)?.message).toBe(
      `The Docker engine at ${endpoint} wants a TLS client certificate signed by its CA and refused the one given, or its absence (remote error: certificate required); put that cert.pem and key.pem in DOCKER_CERT_PATH or the context's TLS files.`,
    );
    expect(mapTlsError(failure('x', { code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' }), endpoint)?.message).toContain('(remote error: unknown ca)');
  });

  it('names the host a certificate was not issued for, and an out-of-date certificate', () => {
    const mismatch = failure("Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ", { code: 'ERR_TLS_CERT_ALTNAME_INVALID', host: '127.0.0.1' });
    expect(mapEngineError(mismatch, endpoint)).toMatchObject({
      code: 'UNAVAILABLE',
      message: `The TLS certificate of the Docker engine at ${endpoint} is not issued for 127.0.0.1; connect with a host name the certificate lists, or reissue it with that name.`,
    });
    expect(mapTlsError(failure('certificate has expired', { code: 'CERT_HAS_EXPIRED' }), endpoint)?.message).toContain('is expired or not yet valid (CERT_HAS_EXPIRED)');
  });

  it('tells TLS spoken to a plain port from plain HTTP sent to a TLS port', () => {
    const tlsToPlain = failure('write EPROTO 809CE871A87F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…', { code: 'EPROTO' });
    expect(mapEngineError(tlsToPlain, endpoint)).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('does not speak TLS on that port') });
    const plainToTls = failure('(HTTP code 400) unexpected - Client sent an HTTP request to an HTTPS server.\n ', {
      statusCode: 400,
      json: Buffer.from('Client sent an HTTP request to an HTTPS server.\n'),
    });
    expect(mapEngineError(plainToTls, endpoint)).toMatchObject({
      code: 'UNAVAILABLE',
      message: `The Docker engine at ${endpoint} requires TLS; set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem, or use a context with TLS files.`,
    });
  });

  it('leaves other failures to the engine mapping: a refused connection says so, an EPROTO without TLS words is not TLS', () => {
    expect(mapTlsError(failure('connect ECONNREFUSED 127.0.0.1:2376', { code: 'ECONNREFUSED' }), endpoint)).toBeNull();
    expect(mapTlsError(failure('write EPROTO something else', { code: 'EPROTO' }), endpoint)).toBeNull();
    expect(mapTlsError(failure('(HTTP code 400) bad parameter - invalid filter', { statusCode: 400 }), endpoint)).toBeNull();
    expect(mapEngineError(failure('connect ECONNREFUSED', { code: 'ECONNREFUSED' }), endpoint)).toMatchObject({ message: expect.stringContaining(`Could not reach the Docker engine at ${endpoint}: nothing accepted the connection;`) as unknown });
  });
});
