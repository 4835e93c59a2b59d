import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (`npm start`); the dev server proxies to it.
const api = process.env.CANDOR_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, target: 'es2022', manifest: true },
  server: { proxy: { '/console/api': api, '/login': api, '/v1/widget': api } },
});
