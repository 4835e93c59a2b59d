import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AppDeps } from '../app-deps';
import { type CommandResult, runCommand } from './commands';

export const adminSocketPath = (dataDir: string) => path.join(dataDir, 'admin.sock');

/**
 * The embedded database belongs to one process, so while `npm start` runs, CLI commands
 * are executed by the server on their behalf over a Unix socket inside the data
 * directory (owner-only permissions: only a local user who can read the data may use it).
 */
export async function startAdminChannel(deps: AppDeps, dataDir: string) {
  const socket = adminSocketPath(dataDir);
  fs.rmSync(socket, { force: true });
  const server = http.createServer(async (req, res) => {
    let result: CommandResult;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { argv } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { argv: string[] };
      result = await runCommand(deps, argv, { viaServer: true });
    } catch (err) {
      result = { stdout: '', stderr: `${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, resolve);
  });
  fs.chmodSync(socket, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socket, { force: true });
      }),
  };
}

/** Asks the running server to run a CLI command. */
export function runThroughServer(dataDir: string, argv: string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath: adminSocketPath(dataDir),
        path: '/cli',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      async (res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CommandResult);
      },
    );
    req.once('error', reject);
    req.end(JSON.stringify({ argv }));
  });
}
