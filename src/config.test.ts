import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('readConfig: the session cookie over HTTPS', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean]>([
    ['nothing said: plain http on this machine', {}, false],
    ['served at an https:// address', { ATSCALE_PUBLIC_URL: 'https://atscale.elr-federation.example' }, true],
    ['served at an http:// address', { ATSCALE_PUBLIC_URL: 'http://10.0.0.5:8080' }, false],
    ['told outright, whatever the address', { ATSCALE_PUBLIC_URL: 'https://atscale.elr-federation.example', ATSCALE_SECURE_COOKIES: 'false' }, false],
    ['told to, at an http:// address behind a proxy that ends TLS', { ATSCALE_SECURE_COOKIES: 'true' }, true],
  ])('%s', (_name, env, secure) => {
    expect(readConfig(env).secureCookies).toBe(secure);
  });
});
