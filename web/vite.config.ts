import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// `npm run dev` serves the app with hot reload and sends /api to the local cloud.
export default defineConfig({
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
