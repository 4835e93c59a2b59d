/**
 * `npm run eval -- <name> [...]`: runs named evaluation scenarios and prints their figures.
 * Each scenario module exports `run(): Promise<boolean>` (false when a goal is missed, so
 * the process exits non-zero). With no name, lists the scenarios.
 */
export {};

const scenarios: Record<string, () => Promise<{ run: () => Promise<boolean> }>> = {
  extraction: () => import('./extraction'),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (names.length === 0) {
  console.log(`Usage: npm run eval -- <${Object.keys(scenarios).join('|')}>`);
  process.exit(0);
}
let ok = true;
for (const name of names) {
  const load = scenarios[name];
  if (!load) {
    console.error(`Unknown eval "${name}". Known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  ok = (await (await load()).run()) && ok;
}
process.exit(ok ? 0 : 1);
