/**
 * `two-fronts serve`: static files of the built game with the right MIME
 * types, index.html for "/", nothing outside the game folder, a clear message
 * for a taken port or a missing build.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePort, resolveInside, startServer } from '../../src/cli/commands/serve.js';
import { UsageError, UserError } from '../../src/cli/errors.js';

function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve', () => {
  const root = mkdtempSync(join(tmpdir(), 'tf-serve-'));
  const outside = join(root, '..', `secret-${Date.now()}.txt`);
  let server: Awaited<ReturnType<typeof startServer>>['server'];
  let url = '';

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'game-AbCdEf12.js'), 'export {}');
    writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(outside, 'secret');
    ({ server, url } = await startServer({ root, port: '0', host: '127.0.0.1' }));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves index.html for / and files with their MIME types', async () => {
    const index = await get(url, '/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const js = await get(url, '/assets/game-AbCdEf12.js');
    expect(js.type).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get(url, '/assets/logo.svg')).type).toBe('image/svg+xml');
    expect((await get(url, '/assets/logo.svg', 'HEAD')).body).toBe('');
  });

  it('never serves anything outside the game folder', async () => {
    const name = outside.split('/').pop()!;
    for (const path of [`/../${name}`, `/%2e%2e/${name}`, `/..%2f${name}`, `/assets/../../${name}`, `/%2e%2e%5c${name}`, '/%00', '/%E0%A4%A']) {
      const res = await get(url, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body).not.toContain('secret');
    }
    expect(resolveInside(root, '/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/a\\..\\b')).toBeNull();
  });

  it('answers 404 for folders and missing files, 405 for other methods', async () => {
    expect((await get(url, '/assets/')).status).toBe(404);
    expect((await get(url, '/nope.js')).status).toBe(404);
    expect((await get(url, '/', 'POST')).status).toBe(405);
  });

  it('refuses a bad port, a taken port and a missing build with a clear message', async () => {
    expect(() => parsePort('80a')).toThrow(UsageError);
    expect(parsePort(undefined)).toBe(4173);
    const port = new URL(url).port;
    await expect(startServer({ root, port, host: '127.0.0.1' })).rejects.toThrow(/already in use/);
    expect(() => startServer({ root: join(root, 'missing'), port: '0' })).toThrow(UserError);
    // The line is checked before the build: a bad port is a usage error (exit 2) even where the game is not built.
    expect(() => startServer({ root: join(root, 'missing'), port: '99999' })).toThrow(UsageError);
    // A host that names no address of this computer is the user's to fix, not an internal error.
    const unknown = startServer({ root, port: '0', host: 'no-such-host.invalid' });
    await expect(unknown).rejects.toThrow(UserError);
    await expect(unknown).rejects.toThrow(/cannot listen on host no-such-host\.invalid \((ENOTFOUND|EAI_AGAIN)\)/);
  });
});
