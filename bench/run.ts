import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every benchmark module in bench/ — each exports async `bench…`
 * functions that print their figures (console-accounts, widget-size, …). Passing words
 * (`tsx ../bench/run.ts widget`) runs only the modules whose file name contains one of them.
 * Benchmarks print; they never assert timings.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

// `--help`: what would run and the flags as this process received them, so a wrapper that
// swallows flags (npm does, for a script that itself runs `npm run`) is caught at once.
if (process.argv.includes('--help')) {
  const flags = process.argv.slice(2).filter((a) => a.startsWith('-') && a !== '--help');
  console.log('usage: npm run bench -- [name …] [--flag …]   (names match bench/ file names)');
  console.log(`would run: ${modules.join(', ') || '(nothing matches)'}`);
  console.log(`flags received: ${flags.join(' ') || '(none)'}`);
  process.exit(0);
}

let failed = 0;
for (const file of modules) {
  const mod = (await import(new URL(file, import.meta.url).href)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith('bench') || typeof fn !== 'function') continue;
    const started = performance.now();
    try {
      await (fn as () => Promise<unknown>)();
      console.log(`  (${file} ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed++;
      console.error(`${file} ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
}
process.exit(failed ? 1 : 0);
