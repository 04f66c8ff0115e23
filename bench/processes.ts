// Child processes of the bench: each is started in its own process group, so that it and anything it spawns
// (Prism's node, the JVM) can be measured together and stopped together. Every child is remembered until it
// ends, and all that remain are killed when the bench exits, whatever the reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRequest } from './requests.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Kills every child still running (and its group). Synchronous, so it also works in an 'exit' handler. */
export function killAll() {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
}

let installed = false;
/** Makes sure no child outlives the bench: on normal exit, Ctrl-C, SIGTERM or an uncaught error. */
export function installCleanup() {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

const scratch: string[] = [];

/** A temporary directory for logs and tool output; see removeScratch. */
export function scratchDir(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), `bench-${prefix}-`));
  scratch.push(path);
  return path;
}

/** Removes the temporary directories (after a successful run); returns them when kept, for the printout. */
export function removeScratch(keep: boolean): string[] {
  if (keep) return [...scratch];
  for (const path of scratch.splice(0)) rmSync(path, { recursive: true, force: true });
  return [];
}

export interface Started {
  child: ChildProcess;
  pid: number;
  startedAt: number;
  logPath: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has ended. */
  stop(graceMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a long-running server; its output goes to a log file (not a pipe the bench must drain). */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; logDir: string; name: string },
): Started {
  const logPath = join(options.logDir, `${options.name}.log`);
  const fd = openSync(logPath, 'w');
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
    child.once('error', () => {
      running.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  return {
    child,
    pid: child.pid ?? -1,
    startedAt,
    logPath,
    exited,
    async stop(graceMs = 2000) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL'); // leftovers of the group, if any
    },
  };
}

export interface Completed {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
  timedOut: boolean;
}

/** Runs a command to its end (or until `timeoutMs`), collecting stdout and stderr together. */
export function runToEnd(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs: number },
): Promise<Completed> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, options.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      running.delete(child);
      killGroup(child, 'SIGKILL');
      resolve({
        code,
        signal,
        output: Buffer.concat(chunks).toString('utf8'),
        ms: Math.round(performance.now() - started),
        timedOut,
      });
    };
    child.once('close', finish);
    child.once('error', (error) => {
      chunks.push(Buffer.from(String(error)));
      finish(null, null);
    });
  });
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory (KiB) of every process in the group led by `pgid`: the server and any child it spawned. */
export function groupRssKiB(pgid: number): { kib: number; processes: number } {
  let kib = 0;
  let processes = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name "(...)": state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) {
        kib += Number(rss[1]);
        processes++;
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return { kib, processes };
}

/** Samples the group's RSS every `everyMs` until stopped; keeps the peak and the most processes seen at once. */
export function sampleRss(pgid: number, everyMs = 100) {
  let peakKiB = 0;
  let maxProcesses = 0;
  const take = () => {
    const { kib, processes } = groupRssKiB(pgid);
    peakKiB = Math.max(peakKiB, kib);
    maxProcesses = Math.max(maxProcesses, processes);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMiB: peakKiB / 1024, maxProcesses };
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls with the valid request until a 200 comes; the time counts from just before the spawn. */
export async function firstOk(
  url: string,
  request: BenchRequest,
  startedAt: number,
  timeoutMs = 30_000,
): Promise<number> {
  while (performance.now() - startedAt < timeoutMs) {
    try {
      const response = await fetch(url + request.path, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - startedAt;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}
