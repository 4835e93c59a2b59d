import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Received = { path: string; body: string; headers: IncomingHttpHeaders; verified: unknown; error?: string };

/**
 * A real HTTP receiver on 127.0.0.1. Every request is verified with the standardwebhooks
 * library against the secret registered for its path; `plan` says how each path answers.
 */
export function startReceiver() {
  const secrets = new Map<string, string>();
  const plans = new Map<string, number[]>();
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { path, body, headers: req.headers, verified: undefined };
      try {
        entry.verified = new Webhook(secrets.get(path) ?? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(
          body,
          req.headers as Record<string, string>,
        );
      } catch (err) {
        entry.error = String(err);
      }
      received.push(entry);
      const plan = plans.get(path) ?? [];
      const status = plan.length > 1 ? (plan.shift() as number) : (plan[0] ?? 200);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  return new Promise<{
    base: string;
    received: Received[];
    expect: (path: string, secret: string, plan?: number[]) => void;
    close: () => Promise<void>;
  }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `http://127.0.0.1:${port}`,
        received,
        expect: (path, secret, plan = [200]) => {
          secrets.set(path, secret);
          plans.set(path, [...plan]);
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
