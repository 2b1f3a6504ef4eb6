import { readConfig } from '../config.js';
import type { AtscaleClient } from './client.js';

/**
 * Runs `run` with a client for the configured database (or the running server holding it), closing
 * it however the work ends. The client module opens databases and HTTP connections: it is loaded
 * only when a command runs, so `--help` stays quick.
 */
export async function withClient<T>(run: (client: AtscaleClient) => Promise<T>): Promise<T> {
  const client = await (await import('./client.js')).connect(readConfig());
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}
