// `npm run make-cert`: (re)creates the self-signed development certificate used with
// OPENSLIDES_TLS=1 (which also creates it on its own when missing).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDevelopmentCertificate } from "../http/development-certificate.js";

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
