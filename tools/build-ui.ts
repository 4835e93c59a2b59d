import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildWidget, isWidgetFresh } from '../widget/build';
import { isBuildFresh } from './fresh-build';

/**
 * `npm start`'s first step: builds the widget and the console only when one of their
 * sources changed since the last build, so a restart on an existing checkout is quick.
 * Prints what it did and how long it took.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const consoleDir = path.join(root, 'console');
// Written after a complete console build; vite empties dist/ first, so a failed build leaves none.
const consoleStamp = path.join(consoleDir, 'dist', '.built');
const consoleSources = [
  path.join(consoleDir, 'src'),
  path.join(consoleDir, 'index.html'),
  path.join(consoleDir, 'vite.config.ts'),
  path.join(consoleDir, 'package.json'),
  path.join(root, 'shared', 'src'),
];

async function buildConsole(): Promise<boolean> {
  if (isBuildFresh(consoleStamp, consoleSources)) return false;
  await build({ root: consoleDir, configFile: path.join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(consoleStamp, `${new Date().toISOString()}\n`);
  return true;
}

const started = performance.now();
const widgetBuilt = !isWidgetFresh();
await buildWidget();
const consoleBuilt = await buildConsole();
const built = [widgetBuilt && 'widget', consoleBuilt && 'console'].filter(Boolean);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  built.length > 0 ? `Built the ${built.join(' and ')} in ${seconds} s.\n` : 'Widget and console are up to date.\n',
);
