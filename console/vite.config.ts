import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `<asset>.br` beside each script and style at brotli's densest setting, once per
 * build: compressed on a server's first request instead, it cost that process ~2 s of CPU.
 */
function precompress(): Plugin {
  return {
    name: 'candor-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = path.join(options.dir ?? 'dist', 'assets');
      for (const file of readdirSync(dir).filter((f) => /\.(js|css|svg)$/.test(f))) {
        const body = readFileSync(path.join(dir, file));
        const params = {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        };
        writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(body, { params }));
      }
    },
  };
}

// In development the API runs on :3000 (`npm start`); the dev server proxies to it.
const api = process.env.CANDOR_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, target: 'es2022', manifest: true },
  server: { proxy: { '/console/api': api, '/login': api, '/v1/widget': api } },
});
