/**
 * A private PKI made at test time with the openssl command line: a CA, a server certificate for localhost and
 * 127.0.0.1 signed by it, and a client certificate for mutual TLS. Nothing is kept: the files live in a temporary
 * directory, removed once read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM texts of one test PKI. */
export interface TestPki {
  /** The CA certificate clients are told to trust. */
  ca: string;
  /** The server's certificate (localhost, 127.0.0.1) and key. */
  serverCert: string;
  serverKey: string;
  /** A client certificate signed by the CA, and its key. */
  clientCert: string;
  clientKey: string;
}

/** Why the TLS tests cannot run here, or undefined when openssl is on the PATH (Debian package `openssl`). */
export function missingOpenssl(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'the openssl command is not installed (Debian package openssl)';
  }
}

/** Makes a CA, a server certificate and a client certificate (RSA 2048, valid one day). */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'apiclients-pki-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=apiclients test CA', '-keyout', 'ca.key', '-out', 'ca.pem',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    const sign = (name: string, subject: string, extensions: string) => {
      writeFileSync(at(`${name}.ext`), extensions);
      openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`);
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', `${name}.pem`, '-extfile', `${name}.ext`);
    };
    sign('server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    sign('client', '/CN=apiclients test client', 'extendedKeyUsage=clientAuth\n');
    const read = (name: string) => readFileSync(at(name), 'utf8');
    return { ca: read('ca.pem'), serverCert: read('server.pem'), serverKey: read('server.key'), clientCert: read('client.pem'), clientKey: read('client.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
