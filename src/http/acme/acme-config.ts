// The ACME settings and where the certificate is kept: read by the configuration at every start,
// apart from the ACME client, which is loaded only when certificates come from ACME.
import { join } from "node:path";

export interface AcmeConfig {
  domain: string;
  email?: string;
  directoryUrl: string;
  httpPort: number;
  /** Renew when the certificate expires within this many days. */
  renewBeforeDays: number;
  /** How often the timer looks at the certificate. */
  checkIntervalMs: number;
}

export function acmeFiles(dataDir: string, domain: string): { certFile: string; keyFile: string } {
  const dir = join(dataDir, "acme", domain);
  return { certFile: join(dir, "cert.pem"), keyFile: join(dir, "key.pem") };
}
