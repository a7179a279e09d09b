/**
 * Try the function locally on Node 20, which has Request and Response but no `serve(fetch)`:
 *
 *   npx tsx examples/serverless/node.ts   # then POST to http://127.0.0.1:8787/score
 */
import { createServer } from 'node:http';
import worker from './worker';

const port = Number(process.env.PORT ?? 8787);
createServer(async (incoming, outgoing) => {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const request = new Request(`http://127.0.0.1:${port}${incoming.url ?? '/'}`, { method: incoming.method ?? 'GET', ...(incoming.method === 'POST' ? { body: Buffer.concat(chunks) } : {}) });
  const response = await worker.fetch(request);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  outgoing.writeHead(response.status, headers);
  outgoing.end(await response.text());
}).listen(port, '127.0.0.1', () => console.log(`scoring on http://127.0.0.1:${port}/score`));
