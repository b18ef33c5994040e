// What `/` shows when no client build is attached: what this server is and how to attach one.
import type { AppContext } from "../app.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function welcomePage(app: AppContext): string {
  const version = escapeHtml(app.version);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>openslides-ts ${version}</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .2em}</style>
</head>
<body>
<h1>openslides-ts ${version}</h1>
<p>This is the OpenSlides 4 server side (actions, presenters, autoupdate, auth, ICC) written in TypeScript.
It is running: <a href="/system/health">/system/health</a> shows its state.</p>
<p>No web client is attached. To get the official OpenSlides client, run <code>npm run client</code> (it builds the
matching release of <a href="https://github.com/OpenSlides/openslides-client">openslides-client</a> into the data folder;
<code>--from-build &lt;folder|tgz&gt;</code> installs a build made elsewhere) and start the server again. A build elsewhere
can also be given with <code>OPENSLIDES_CLIENT_DIR=&lt;client&gt;/dist/client/browser</code>. Browsers need HTTPS for the
login cookie: add <code>OPENSLIDES_TLS=1</code> for a self-signed development certificate,
<code>OPENSLIDES_ACME_DOMAIN</code> for a certificate from Let's Encrypt, or give your own with
<code>OPENSLIDES_TLS_CERT_FILE</code> and <code>OPENSLIDES_TLS_KEY_FILE</code>.</p>
</body>
</html>
`;
}
