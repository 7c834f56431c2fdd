import Docker from 'dockerode';

/**
 * `new Docker(options)` with Lightdock's own options only. docker-modem's constructor reads this process's
 * DOCKER_HOST and, for a tcp:// one, DOCKER_CERT_PATH, with `readFileSync` on ca.pem, cert.pem and key.pem, and
 * throws a bare ENOENT when one is missing (a CA-only folder), although Lightdock passes every connection key itself
 * (dockerodeOptions, with its own TLS sentences). So DOCKER_CERT_PATH is hidden for that synchronous call and put back.
 */
export function newDockerode(options: Docker.DockerOptions): Docker {
  const certPath = process.env['DOCKER_CERT_PATH'];
  if (certPath === undefined) return new Docker(options);
  delete process.env['DOCKER_CERT_PATH'];
  try {
    return new Docker(options);
  } finally {
    process.env['DOCKER_CERT_PATH'] = certPath;
  }
}
