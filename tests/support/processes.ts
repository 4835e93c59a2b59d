import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
// One node process with tsx's loader (not the tsx wrapper, which forks a child), so a
// signal or kill -9 reaches the server itself, as it does for `npm start`.
const node = (entry: string, argv: string[] = []) => [process.execPath, ['--import', 'tsx', entry, ...argv]] as const;

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'candor-data-'));
}

/** Runs the real CLI entry point to completion. */
export function runCli(argv: string[], env: Record<string, string>) {
  return runToExit('api/src/cli.ts', argv, env);
}

/**
 * Runs the real server entry point (`npm start`) until it exits: for configurations it must
 * refuse. One that starts anyway is killed after `timeoutMs` (its code is then null).
 */
export function runServerToExit(env: Record<string, string>, timeoutMs = 30_000) {
  return runToExit('api/src/main.ts', [], env, timeoutMs);
}

function runToExit(entry: string, argv: string[], env: Record<string, string>, timeoutMs?: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(...node(entry, argv), { cwd: repoRoot, env: { ...process.env, ...env } });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', () => clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export type RunningServer = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts the real server process (`npm start`'s entry) and waits until it prints its banner. */
export async function startServer(env: Record<string, string>, timeoutMs = 240_000): Promise<RunningServer> {
  const child = spawn(...node('api/src/main.ts'), {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('Candor is running at')) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // the banner is written last; give the rest of it a moment to flush
  await new Promise((r) => setTimeout(r, 200));
  return { child, output: () => out, exited };
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
