// `npm run make-cert`: a self-signed development certificate for localhost in
// <data folder>/tls/{cert,key}.pem, used when OPENSLIDES_TLS=1 (HTTPS with HTTP/2 on the main port).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function makeDevelopmentCertificate(dataDir: string, force = false): { certFile: string; keyFile: string } {
  const dir = join(dataDir, "tls");
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  if (!force && existsSync(certFile) && existsSync(keyFile)) return { certFile, keyFile };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "825",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1",
      "-keyout", keyFile, "-out", certFile],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return { certFile, keyFile };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dataDir = resolve(process.env.OPENSLIDES_DATA_DIR ?? ".openslides");
  try {
    const { certFile, keyFile } = makeDevelopmentCertificate(dataDir, process.argv.includes("--force"));
    console.log(`certificate: ${certFile}\nkey:         ${keyFile}\nstart with OPENSLIDES_TLS=1 npm start`);
  } catch (error) {
    console.error(`could not create the certificate (is openssl installed?): ${(error as Error).message}`);
    process.exit(1);
  }
}
