import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, 'dist/web');
/** The NHS.UK images and favicons; the styles point at them under /nhsuk/ ($nhsuk-assets-path). */
const nhsukAssets = resolve(here, 'node_modules/nhsuk-frontend/dist/nhsuk/assets');
const nhsukPrefix = '/nhsuk/';

/** Serves nhsuk-frontend's assets under /nhsuk/ in development and copies them into the build, so they are never committed. */
function nhsukAssetsPlugin(): Plugin {
  return {
    name: 'atscale-nhsuk-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(nhsukPrefix)) return next();
        const file = normalize(join(nhsukAssets, decodeURIComponent(path.slice(nhsukPrefix.length))));
        if (!file.startsWith(nhsukAssets) || !existsSync(file) || !statSync(file).isFile()) return next();
        if (file.endsWith('.svg')) res.setHeader('content-type', 'image/svg+xml');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(nhsukAssets, join(outDir, 'nhsuk'), { recursive: true });
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), nhsukAssetsPlugin()],
  resolve: {
    // The styles' icons (a search box's cross, a sortable table's arrows) are url("/nhsuk/images/…"):
    // taken from nhsuk-frontend at build time, as for any other asset, rather than left to be found
    // at run time, which Vite warned about for each one.
    alias: [{ find: /^\/nhsuk\//, replacement: `${nhsukAssets}/` }],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The largest chunk is ECharts (about 540 kB: only the parts the quality charts use, see
    // src/web/pages/quality/echarts-parts.ts), loaded with the first chart. A bigger chunk than that
    // is worth a warning.
    chunkSizeWarningLimit: 600,
    // The Sass build of nhsuk-frontend is slow by nature; the timing report is noise in npm start's output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
