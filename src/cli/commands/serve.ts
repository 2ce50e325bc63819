/**
 * `two-fronts serve [--port N] [--host H]`: serves the built game (dist/game)
 * over plain HTTP on localhost, with correct MIME types, no directory
 * listing, nothing outside the game folder (no traversal), and a content
 * security policy that lets only the game's own scripts run.
 */
import { existsSync, statSync, createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, UserError } from '../errors.js';
import { parseLang, t, type Lang } from '../lang.js';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** The built game of this package: dist/game under the folder that holds package.json (from dist/ or src/). */
export function gameDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'game');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return resolve('dist', 'game');
}

/** The file a URL path names inside `root`, or null when it would leave `root` or is malformed. */
export function resolveInside(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const base = resolve(root);
  const full = resolve(base, '.' + normalize('/' + path));
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}

export function handler(root: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method not allowed');
      return;
    }
    const file = resolveInside(root, req.url ?? '/');
    if (!file) {
      send(res, 400, 'Bad request');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      send(res, 404, 'Not found');
      return;
    }
    if (!stat.isFile()) {
      send(res, 404, 'Not found');
      return;
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Built assets carry a content hash in their names; index.html must always be fresh.
    const immutable = /[-.][A-Za-z0-9_-]{8,}\.(js|css|svg|png|wasm)$/.test(file) && file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stat.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

export interface ServeOptions {
  port?: string;
  host?: string;
  /** Language of the messages (`--lang`). */
  lang?: string;
  /** For tests: serve another folder. */
  root?: string;
}

export function parsePort(raw: string | undefined, lang: Lang = 'en'): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('cli.serve.port', { value: raw }, lang), lang);
  return port;
}

/** Starts the server; resolves once it listens, with the URL to open. */
export function startServer(opts: ServeOptions): Promise<{ server: Server; url: string }> {
  const lang = parseLang(opts.lang);
  const root = opts.root ?? gameDir();
  // The line first (a usage error, exit 2), then what it needs.
  const port = parsePort(opts.port, lang);
  if (!existsSync(join(root, 'index.html'))) throw new UserError(t('cli.serve.notBuilt', { path: join(root, 'index.html') }, lang));
  const host = opts.host ?? DEFAULT_HOST;
  const server = createServer(handler(root));
  return new Promise((resolvePromise, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      // A port is a name, not an amount: no thousands separator.
      const where = { port: String(port), host };
      if (e.code === 'EADDRINUSE') reject(new UserError(t('cli.serve.inUse', where, lang)));
      else if (e.code === 'EACCES') reject(new UserError(t('cli.serve.denied', where, lang)));
      else if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EADDRNOTAVAIL' || e.code === 'EINVAL')
        reject(new UserError(t('cli.serve.host', { host, reason: e.code }, lang)));
      else reject(e);
    });
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({ server, url: `http://${shownHost}:${actual}/` });
    });
  });
}

export async function serveCommand(opts: ServeOptions, io: { out(line: string): void }): Promise<number> {
  const { url } = await startServer(opts);
  const lang = parseLang(opts.lang);
  io.out(t('cli.serve.at', { url }, lang));
  io.out(t('cli.serve.open', {}, lang));
  // Keep running until interrupted.
  await new Promise<void>(() => undefined);
  return 0;
}
