// A self-signed development certificate for localhost in <data folder>/tls/{cert,key}.pem, made
// by openssl on the first start with OPENSLIDES_TLS=1 (or by `npm run make-cert`).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

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
