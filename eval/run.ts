/**
 * `npm run eval -- <name> [--flag [value]…]`: runs named evaluation scenarios and prints their
 * figures. Each scenario module exports `run(args): Promise<boolean>` (false when a goal is
 * missed, so the process exits non-zero) and receives the flags. With no name, lists the scenarios.
 */
export {};

type Scenario = { run: (args: string[]) => Promise<boolean> };
const scenarios: Record<string, () => Promise<Scenario>> = {
  extraction: () => import('./extraction'),
  interviewer: () => import('./interviewer'),
};

// Flags that take a value as the next word, so that value is not read as a scenario name.
const valueFlags = new Set(['--model', '--persona-model', '--personas', '--max-violations', '--max-false-closes']);
const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith('-') && !valueFlags.has(args[i - 1] ?? ''));
if (names.length === 0) {
  console.log(`Usage: npm run eval -- <${Object.keys(scenarios).join('|')}> [--help]`);
  process.exit(0);
}
let ok = true;
for (const name of names) {
  const load = scenarios[name];
  if (!load) {
    console.error(`Unknown eval "${name}". Known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  ok = (await (await load()).run(args.filter((a) => a !== name))) && ok;
}
process.exit(ok ? 0 : 1);
