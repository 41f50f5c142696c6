/**
 * Loopback servers for pages on disk. `serveSavedPages` is what the command line uses for local
 * files: strict, so that a saved page (untrusted) cannot read the reviewer's files through it.
 * `serveFolder` serves a whole folder and is for the project's own test and demo fixtures only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// HTML gets no charset: the browser honours the page's <meta charset> or sniffs it (GBK portals).
// Scripts and style sheets inherit the page's encoding; JSON is UTF-8 by definition.
const PAGE_TYPES: Record<string, string> = {
  '.html': 'text/html', '.htm': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.bmp': 'image/bmp', '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
};

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export interface SavedPages extends Served {
  /** The folder's URL prefix: origin + a random path segment nobody can guess. */
  base: string;
  /** The loopback URL of a file in the folder. */
  urlOf(file: string): string;
  /** The file:// URL a loopback URL of this server stands for (what the user gave), if it is one. */
  fileUrlOf(url: string): string | undefined;
}

/**
 * Serves the saved pages of one folder on 127.0.0.1 (a free port) under a random path prefix:
 * the given target files, and the files below the folder that a page loads (html, css, js, json,
 * images, fonts) and that are not hidden (no dotfile, nothing in a dot-folder). Never anything
 * outside the folder, symbolic links included; GET and HEAD only.
 */
export async function serveSavedPages(dir: string, targets: string[]): Promise<SavedPages> {
  const root = fs.realpathSync(dir);
  const allowed = new Set(targets.map((t) => fs.realpathSync(t)));
  const prefix = `/${randomBytes(24).toString('base64url')}/`;

  const resolve = (pathname: string): string | undefined => {
    if (!pathname.startsWith(prefix)) return undefined;
    let segments: string[];
    try {
      segments = pathname.slice(prefix.length).split('/').map(decodeURIComponent);
    } catch {
      return undefined;
    }
    if (segments.some((s) => !s || s === '.' || s === '..' || /[\\/\0]/.test(s))) return undefined;
    let real: string;
    try {
      real = fs.realpathSync(path.join(root, ...segments));
      if (!fs.statSync(real).isFile()) return undefined;
    } catch {
      return undefined;
    }
    if (allowed.has(real)) return real;
    const rel = path.relative(root, real);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    if (rel.split(path.sep).some((s) => s.startsWith('.'))) return undefined;
    return PAGE_TYPES[path.extname(real).toLowerCase()] ? real : undefined;
  };

  const { origin, close } = await listen((req, res) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolve(new URL(req.url ?? '/', 'http://x').pathname) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    send(res, file, PAGE_TYPES[path.extname(file).toLowerCase()] ?? 'text/html', req.method === 'HEAD');
  });
  const base = `${origin}${prefix}`;
  return {
    origin,
    base,
    close,
    urlOf: (file) => base + path.relative(root, fs.realpathSync(file)).split(path.sep).map(encodeURIComponent).join('/'),
    fileUrlOf(url) {
      if (!url.startsWith(base)) return undefined;
      const rel = new URL(url).pathname.slice(prefix.length);
      try {
        return pathToFileURL(path.join(root, ...rel.split('/').map(decodeURIComponent))).href;
      } catch {
        return undefined;
      }
    },
  };
}

// The fixtures are all UTF-8.
const FIXTURE_TYPES: Record<string, string> = {
  ...PAGE_TYPES, '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
};

/**
 * Serves one folder on loopback, read-only, never outside it. For the project's own fixtures.
 * `redirects` (path → location) answer 302, as a portal's entry links often do.
 */
export async function serveFolder(root: string, redirects: Record<string, string> = {}): Promise<Served> {
  const base = path.resolve(root);
  return listen((req, res) => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (Object.hasOwn(redirects, rel)) {
      res.writeHead(302, { location: redirects[rel] }).end();
      return;
    }
    let file = path.resolve(base, `.${rel}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    send(res, file, FIXTURE_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', false);
  });
}

function send(res: http.ServerResponse, file: string, type: string, headOnly: boolean): void {
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(headOnly ? undefined : body);
  });
}

/**
 * A proxy that refuses everything (403 to requests, CONNECT tunnels cut). A browser pointed at it
 * reaches nothing but the hosts it bypasses: WebRTC over TCP, preconnects and workers included.
 */
export async function refusingProxy(): Promise<Served> {
  const proxy = await listen((_req, res) => res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked'), (server) => {
    server.on('connect', (_req, socket) => socket.destroy());
    server.on('upgrade', (_req, socket) => socket.destroy());
  });
  return proxy;
}

async function listen(handler: http.RequestListener, setup?: (server: http.Server) => void): Promise<Served> {
  const server = http.createServer(handler);
  setup?.(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a browser's keep-alive connections would hold close() open
      }),
  };
}
