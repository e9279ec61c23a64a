import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress-web.js';

export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  resolve: {
    // The screens are written against React's API and types; Preact's compatibility layer runs them
    // in 8 KB instead of react-dom's 63 KB (gzipped), which is what keeps a phone's first load small.
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // React Router reads React.useOptimistic when present and falls back without it (React 18, Preact).
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('useOptimistic')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
