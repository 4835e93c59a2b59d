import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { isBuildFresh } from '../tools/fresh-build';

/**
 * Builds the widget into dist/: `widget.js` (the tiny loader, short cache) and
 * `ui.<hash>.js` (the chat UI as an ES module, long cache), plus manifest.json.
 * The UI is built first so the loader can embed its content-hashed file name.
 * Skips the work when dist/ is newer than every source file (keeps `npm start` fast).
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(root, 'src');
export const distDir = path.join(root, 'dist');
const manifestPath = path.join(distDir, 'manifest.json');

export type WidgetManifest = { loader: string; ui: string; builtAt: string };

/** Whether dist/ holds a complete build newer than every source. */
export function isWidgetFresh(): boolean {
  if (!existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WidgetManifest;
    if (!existsSync(path.join(distDir, manifest.loader)) || !existsSync(path.join(distDir, manifest.ui))) return false;
    // The shared contracts are inlined into the bundle, so they are sources too.
    return isBuildFresh(manifestPath, [src, path.join(root, 'build.ts'), path.join(root, '../shared/src')]);
  } catch {
    return false;
  }
}

async function bundle(entry: string, format: 'es' | 'iife', define: Record<string, string> = {}): Promise<string> {
  const config: InlineConfig = {
    configFile: false,
    root,
    logLevel: 'warn',
    define,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      // Library mode leaves ES output unminified; the widget ships to customers' pages, so squeeze it.
      rolldownOptions: { output: { minify: true } },
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: path.join(src, entry), formats: [format], fileName: 'out', name: 'Candor' },
    },
  };
  const result = await build(config);
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk' && o.isEntry);
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error(`widget build produced no chunk for ${entry}`);
}

/** Builds dist/ unless it is already up to date (or `force`). Returns the manifest. */
export async function buildWidget(force = false): Promise<WidgetManifest> {
  if (!force && isWidgetFresh()) return JSON.parse(readFileSync(manifestPath, 'utf8')) as WidgetManifest;
  const ui = await bundle('ui/index.ts', 'es');
  const uiFile = `ui.${createHash('sha256').update(ui).digest('hex').slice(0, 12)}.js`;
  const loader = await bundle('loader.ts', 'iife', { __CANDOR_UI__: JSON.stringify(`widget/${uiFile}`) });
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  writeFileSync(path.join(distDir, uiFile), ui);
  writeFileSync(path.join(distDir, 'widget.js'), loader);
  const manifest: WidgetManifest = { loader: 'widget.js', ui: uiFile, builtAt: new Date().toISOString() };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * What customers' pages may download, gzip -9: the loader on every page view, and loader +
 * UI to finish an interview. Enforced by tests/integration/widget-bundle-budget.test.ts.
 */
export const widgetBudget = { loaderGz: 2048, totalGz: 20480 };

export type BundleSize = { min: number; gz: number; br: number };

/** Minified, gzip -9 and brotli (quality 11) sizes of the built loader and UI. */
export function measureWidget(manifest: WidgetManifest): { loader: BundleSize; ui: BundleSize } {
  const measure = (file: string): BundleSize => {
    const code = readFileSync(path.join(distDir, file));
    return {
      min: code.length,
      gz: gzipSync(code, { level: 9 }).length,
      br: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  return { loader: measure(manifest.loader), ui: measure(manifest.ui) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWidget(process.argv.includes('--force')).catch((err) => {
    process.stderr.write(`widget build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
