#!/usr/bin/env node
// Entry point linked as `patchloop` (npx patchloop). The build (npm ci runs it through the root
// "prepare" script) compiles the program into dist/ and bundles it into dist/bundled/ (ADR 0010):
// `patchloop scan` runs the scan bundle with a V8 code cache, other commands the CLI bundle, when
// the bundles are as new as the compiled code; otherwise dist/ runs. PATCHLOOP_NO_BUNDLE=1 always
// runs dist/.
const root = new URL('../', import.meta.url);
const fallback = () => import('../dist/main.js');

async function run() {
  const bundle = process.env.PATCHLOOP_NO_BUNDLE ? undefined : await import('../dist/bundle/bundle-manifest.js').then((m) => m.freshBundle(root), () => undefined);
  if (bundle?.scan && process.argv[2] === 'scan') return runScanBundle(bundle.scan);
  const m = await (bundle ? import(bundle.main.href) : fallback());
  await m.main(process.argv);
}

/** The scan bundle; its code cache is (re)written after a scan that completed without a usable one. */
async function runScanBundle(url) {
  const { runCachedScript } = await import('../dist/bundle/cached-script.js');
  const { fileURLToPath } = await import('node:url');
  const scan = runCachedScript(fileURLToPath(url));
  await scan.exports.main(process.argv);
  const helpOnly = process.argv.includes('--help') || process.argv.includes('-h');
  if (!helpOnly && (process.exitCode ?? 0) <= 1) scan.saveCache();
}

run().catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('patchloop: the build output is missing; run `npm run build` at the repository root');
    process.exit(70);
  }
  throw err;
});
