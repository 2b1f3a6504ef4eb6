import { buildServer } from '../src/api/server.js';
import { openPostgres } from '../src/db/client.js';

/**
 * The real API server over a PostgreSQL database, in its own process so the load generator does
 * not share its event loop. Reads BENCH_SERVER_DATABASE_URL and BENCH_SERVER_TOKEN (a bearer token,
 * as the CLI uses); prints the port it listens on.
 */
const database = await openPostgres(process.env.BENCH_SERVER_DATABASE_URL!);
const app = await buildServer({ database, cliToken: process.env.BENCH_SERVER_TOKEN! });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
