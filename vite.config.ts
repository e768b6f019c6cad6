// Builds the renderer into dist/renderer, served by the web host and by Electron's app:// protocol.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Not 'assets': that is one of the app's own routes (/assets/<id>).
    assetsDir: 'static',
    chunkSizeWarningLimit: 4000,
  },
});
