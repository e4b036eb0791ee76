#!/usr/bin/env node
// Entry point linked as `patchloop` (npx patchloop). The TypeScript build (npm ci runs it through
// the root "prepare" script) puts the program in dist/.
import('../dist/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('patchloop: the build output is missing; run `npm run build` at the repository root');
    process.exit(70);
  }
  throw err;
});
