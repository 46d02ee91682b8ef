// An almost empty page served from this process: audited next to the site, it
// shows what this machine alone costs. Lighthouse multiplies the host's
// main-thread times by 4, so on a busy or slow machine even this page loses
// performance points, and the site's scores should be read against it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Trang trống</title><meta name="description" content="Trang gần như trống, dùng để đo máy chạy Lighthouse."><link rel="icon" href="data:,"></head><body><h1>Trang trống</h1><p>Chỉ có một đoạn văn.</p></body></html>`;

export async function serveBaselinePage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
