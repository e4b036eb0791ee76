import type { Command } from 'commander';
import { DomainError } from '@patchloop/core';
import type { BundleInput, FeedSourceName } from '@patchloop/feeds';
import { EXIT } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { openMigratedStore, type DbFlags } from '../store-options.js';

type DbOption = readonly [string, string];

/** patchloop feeds bundle export|import|keygen */
export function registerFeedsBundleCommands(feeds: Command, dbOption: DbOption): void {
  const bundle = feeds.command('bundle').description('signed offline bundles of feed files (Ed25519) for air-gapped sites');
  bundle
    .command('export [inputs...]')
    .description('pack the sync cache (all sources, or the named ones; SOURCE=PATH packs a file or directory) into a signed .tar.gz')
    .requiredOption('--out <file>', 'bundle to write (.tar.gz)')
    .requiredOption('--key <file>', 'Ed25519 private key (PEM) from `feeds bundle keygen`')
    .option('--cache <dir>', 'sync cache to pack', './data/feeds')
    .option('--json', 'machine-readable output')
    .action(async (inputs: string[], o: { out: string; key: string; cache: string; json?: boolean }) => {
      const f = await import('@patchloop/feeds');
      const named = inputs.filter((i) => !i.includes('='));
      const paths = inputs.filter((i) => i.includes('=')).map((i) => pathInput(i, f.FEED_SOURCE_NAMES));
      const fromCache = named.length > 0 || paths.length === 0 ? await f.listCacheBundleInputs(o.cache, checkSources(named, f.FEED_SOURCE_NAMES)) : [];
      const manifest = await f.exportBundle({ out: o.out, privateKey: await f.readBundlePrivateKey(o.key), inputs: [...fromCache, ...paths] });
      if (o.json) return printJson({ out: o.out, manifest });
      console.log(`${o.out}: ${manifest.files.length} files (${[...new Set(manifest.files.map((x) => x.source))].join(', ')}), ${manifest.files.reduce((n, x) => n + x.size, 0)} bytes, signed`);
    });
  bundle
    .command('import <file>')
    .description('verify the signature, extract safely, import each source')
    .requiredOption('--trust <file>', 'trusted Ed25519 public key (PEM)')
    .option(...dbOption)
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: DbFlags & { trust: string; json?: boolean }) => {
      const [f, { importFeedPath }] = await Promise.all([import('@patchloop/feeds'), import('@patchloop/server/services')]);
      const publicKey = await f.readBundlePublicKey(o.trust);
      await f.verifyBundle(file, publicKey); // fail before the store is even opened
      const store = await openMigratedStore(o);
      try {
        const results = await f.importBundle({ file, publicKey, importPath: (source, path, origin) => importFeedPath(store, path, { source, origin }) });
        if (o.json) printJson({ results });
        else printTable(['source', 'status', 'files', 'detail'], results.map((r) => [r.source, r.status, r.files, r.error ?? r.origin]));
        if (results.some((r) => r.status === 'failed')) process.exitCode = EXIT.invalidInput;
      } finally {
        await store.close();
      }
    });
  bundle
    .command('keygen')
    .description('write a new Ed25519 key pair (private key mode 0600; existing files are never overwritten)')
    .requiredOption('--out-private <file>', 'private key (PEM, PKCS#8)')
    .requiredOption('--out-public <file>', 'public key (PEM, SPKI) to give to importing sites')
    .action(async (o: { outPrivate: string; outPublic: string }) => {
      const { generateBundleKeys } = await import('@patchloop/feeds');
      await generateBundleKeys({ privatePath: o.outPrivate, publicPath: o.outPublic });
      console.log(`wrote ${o.outPrivate} (0600) and ${o.outPublic}`);
    });
}

function checkSources(names: string[], known: readonly FeedSourceName[]): FeedSourceName[] {
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
  if (unknown.length > 0) throw new DomainError('E_FEED_SOURCE_UNKNOWN', 'invalid_input', `unknown feed source ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${known.join(', ')}`, { location: { field: 'source' } });
  return names as FeedSourceName[];
}

function pathInput(arg: string, known: readonly FeedSourceName[]): BundleInput {
  const at = arg.indexOf('=');
  const [source] = checkSources([arg.slice(0, at)], known);
  return { source: source!, root: arg.slice(at + 1) };
}
