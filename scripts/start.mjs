// `npm start`: install what is missing, build the web app, migrate, load the demo federation and
// serve on http://localhost:8080 (PORT to change). Works on a fresh clone with only Node 20 and npm.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDependencies, ensureWebBuild, root } from './ensure-deps.mjs';

ensureDependencies();
ensureWebBuild();
// The `atscale` command itself (bin/atscale.mjs), as a user would run it: `atscale serve --demo`.
const child = spawn(process.execPath, [join(root, 'bin/atscale.mjs'), 'serve', '--demo'], { stdio: 'inherit', cwd: root, env: { PORT: '8080', ...process.env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
