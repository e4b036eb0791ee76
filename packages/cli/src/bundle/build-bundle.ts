import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { BUNDLE_DIR, BUNDLE_MANIFEST, type BundleManifest } from './bundle-manifest.js';

/** The workspace packages whose .tsbuildinfo the manifest records (every one the CLI can load). */
export const WORKSPACE_PACKAGES = ['core', 'store', 'inventory', 'feeds', 'server', 'agent', 'cli'] as const;

/**
 * Third-party packages bundled: pure JavaScript that reads no files beside itself. Everything else
 * (native drivers, the HTTP server stack, anything resolving paths at run time) stays an ordinary
 * import from node_modules, loaded only by the commands that use it.
 */
export const BUNDLED_DEPENDENCIES: ReadonlySet<string> = new Set([
  'commander', 'cli-table3', '@colors/colors', 'string-width', 'strip-ansi', 'ansi-regex', 'emoji-regex', 'is-fullwidth-code-point',
  'kysely', 'semver', '@renovatebot/pep440', 'packageurl-js', 'smol-toml',
]);

/** The npm package a bare import specifier names ('@scope/name/sub' -> '@scope/name'). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Whether an import is bundled: relative paths, our workspace packages and the listed dependencies. */
export function isBundled(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return true;
  if (isBuiltin(specifier)) return false;
  const pkg = packageOf(specifier);
  return pkg.startsWith('@patchloop/') || BUNDLED_DEPENDENCIES.has(pkg);
}

/**
 * A module's `import.meta.url` keeps naming the module's own file: rewritten to a URL relative to
 * the bundle directory, so paths such as `new URL('../../../snapshot/', import.meta.url)` resolve
 * as they do from dist/. In the CommonJS bundle the directory is `__dirname`.
 */
export function rewriteImportMetaUrl(code: string, fromBundleDirToFile: string, format: 'esm' | 'cjs' = 'esm'): string {
  if (!code.includes('import.meta.url')) return code;
  const rel = JSON.stringify(fromBundleDirToFile);
  const url = format === 'esm' ? `new URL(${rel}, import.meta.url).href` : `require("node:url").pathToFileURL(require("node:path").join(__dirname, ${rel})).href`;
  return code.replaceAll('import.meta.url', url);
}

/**
 * Bundles the CLI into dist/bundled/ (ADR 0010): main.js, the whole CLI as ES modules with a chunk
 * per dynamic import, and scan.cjs, `patchloop scan` alone as one CommonJS file that bin/patchloop.js
 * runs with a V8 code cache. Then writes the manifest bin/patchloop.js checks before using them.
 */
export async function buildBundle(cliRoot: URL): Promise<{ files: number; bytes: number }> {
  const { build } = await import('esbuild');
  const outdir = fileURLToPath(new URL(BUNDLE_DIR, cliRoot));
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const builds = Object.fromEntries(WORKSPACE_PACKAGES.map((p) => [`../${p}/dist/.tsbuildinfo`, statSync(new URL(`../${p}/dist/.tsbuildinfo`, cliRoot)).mtimeMs]));
  const common = { bundle: true, platform: 'node', target: 'node20', minifySyntax: true, minifyWhitespace: true, legalComments: 'none', metafile: true, logLevel: 'warning' } as const;
  const cli = await build({
    ...common,
    entryPoints: { main: fileURLToPath(new URL('dist/main.js', cliRoot)) },
    outdir, splitting: true, format: 'esm',
    // CommonJS dependencies inside an ES module bundle ask for `require`.
    banner: { js: "import { createRequire as __patchloopCreateRequire } from 'node:module'; const require = __patchloopCreateRequire(import.meta.url);" },
    plugins: [externalsPlugin(outdir), importMetaUrlPlugin(outdir, 'esm')],
  });
  const scan = await build({
    ...common,
    entryPoints: [fileURLToPath(new URL('dist/scan-main.js', cliRoot))],
    outfile: `${outdir}/scan.cjs`, format: 'cjs',
    plugins: [externalsPlugin(outdir), importMetaUrlPlugin(outdir, 'cjs')],
  });
  const manifest: BundleManifest = { entry: 'main.js', scanEntry: 'scan.cjs', builds };
  writeFileSync(new URL(BUNDLE_MANIFEST, cliRoot), `${JSON.stringify(manifest, null, 2)}\n`);
  const outputs = [...Object.values(cli.metafile.outputs), ...Object.values(scan.metafile.outputs)];
  return { files: outputs.length, bytes: outputs.reduce((n, o) => n + o.bytes, 0) };
}

/**
 * Imports that are not bundled stay bare imports, resolved by Node from the bundle directory. A
 * package that resolves to another copy from there (a version nested under one workspace package's
 * node_modules) is bundled instead, so every import still loads the file it loads from dist/.
 */
function externalsPlugin(outdir: string): Plugin {
  return {
    name: 'patchloop-externals',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === PROBE || isBundled(args.path)) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const probe = { kind: args.kind, pluginData: PROBE };
        const fromImporter = await b.resolve(args.path, { ...probe, resolveDir: args.resolveDir, importer: args.importer });
        const fromBundle = await b.resolve(args.path, { ...probe, resolveDir: outdir });
        return fromImporter.path === fromBundle.path ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

const PROBE = Symbol('resolve probe');

function importMetaUrlPlugin(outdir: string, format: 'esm' | 'cjs'): Plugin {
  return {
    name: 'patchloop-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\/packages\/[^/]+\/dist\/.*\.js$/ }, (args) => ({
        contents: rewriteImportMetaUrl(readFileSync(args.path, 'utf8'), relative(outdir, args.path), format),
        loader: 'js',
      }));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const r = await buildBundle(new URL('../../', import.meta.url));
  console.log(`patchloop bundle: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB in ${Date.now() - started} ms (${BUNDLE_DIR})`);
}
