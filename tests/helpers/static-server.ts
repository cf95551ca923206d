/**
 * A tiny static file server for the browser tests: serves a built site on 127.0.0.1 at a
 * random port, under an optional path prefix, with `404.html` for missing pages.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** `http://127.0.0.1:<port><prefix>` without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

function fileFor(root: string, pathname: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const full = path.join(root, clean);
  if (!full.startsWith(root)) return undefined;
  const stat = statSync(full, { throwIfNoEntry: false });
  if (stat?.isFile()) return full;
  if (stat?.isDirectory()) {
    const index = path.join(full, "index.html");
    if (statSync(index, { throwIfNoEntry: false })?.isFile()) return index;
  }
  return undefined;
}

export async function serveStatic(rootDir: string, prefix = "/"): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let file: string | undefined;
    if (url.pathname.startsWith(prefix)) file = fileFor(root, "/" + url.pathname.slice(prefix.length));
    const status = file ? 200 : 404;
    file ??= fileFor(root, "/404.html");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(status, { "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, "")}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
