// Prism in a thread of its own. Loading it takes about a second of CPU (several on a busy machine) and runs in one
// synchronous stretch: on the mock's thread, the first `Prefer` held every other request up until it was done. Here
// it is loaded as the mock starts, and asked through messages, while the mock's thread goes on serving.
//
// The thread runs this module's own file: in a checkout, this file (under tsx); in the bundled package, the one
// bundled file, which is the mock's too (cli.ts starts no server in this thread).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { OpenApiDocument } from '../lib/openapi.ts';
import { loadPrism, type Prism, type PrismOutcome, type PrismRequest, type PreferOptions } from './prism.ts';

/** Marks this thread's workerData, so that the file knows what it runs for. */
const THREAD = 'movilitas-mock-prism-thread';

/** The longest an ask waits (Prism may still be loading on a busy machine); then the thread is started anew. */
export const DEADLINE_MS = 30_000;

type Ask =
  | { kind: 'prefer'; request: PrismRequest }
  | { kind: 'answer'; operation: string; request: PrismRequest; prefer: PreferOptions };

interface Reply {
  id: number;
  outcome: PrismOutcome<unknown>;
}

export interface PrismThread extends Prism {
  /** Ends the thread; an ask after this starts it again. */
  close(): Promise<void>;
}

export function startPrismThread(document: OpenApiDocument, deadlineMs = DEADLINE_MS): PrismThread {
  let current: Running | undefined;
  const running = () => {
    if (current) return current;
    const started: Running = spawn(document, deadlineMs, () => {
      if (current === started) current = undefined;
    });
    return (current = started);
  };
  running();
  return {
    preferOf: (request) => running().ask({ kind: 'prefer', request }) as Promise<PrismOutcome<PreferOptions>>,
    answer: (operation, request, prefer) =>
      running().ask({ kind: 'answer', operation, request, prefer }) as ReturnType<Prism['answer']>,
    async close() {
      const ending = current;
      current = undefined;
      await ending?.terminate();
    },
  };
}

interface Running {
  ask(ask: Ask): Promise<PrismOutcome<unknown>>;
  terminate(): Promise<number>;
}

function spawn(document: OpenApiDocument, deadlineMs: number, ended: () => void): Running {
  const worker = threadRunning(new URL(import.meta.url), { [THREAD]: true, document });
  // The thread keeps no mock alive: the server does, while it listens.
  worker.unref();
  const pending = new Map<number, (outcome: PrismOutcome<unknown>) => void>();
  const stop = (failure: string) => {
    ended();
    for (const settle of pending.values()) settle({ failure });
    pending.clear();
  };
  worker.on('message', ({ id, outcome }: Reply) => pending.get(id)?.(outcome));
  worker.on('error', (error) => stop(`Prism's thread failed: ${error.message}`));
  worker.on('exit', (code) => stop(`Prism's thread ended (exit code ${code})`));
  let next = 0;
  return {
    ask(ask) {
      const id = next++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          settle({ failure: `Prism gave no answer within ${deadlineMs / 1000} s` });
          void worker.terminate();
        }, deadlineMs).unref();
        const settle = (outcome: PrismOutcome<unknown>) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(outcome);
        };
        pending.set(id, settle);
        worker.postMessage({ id, ...ask });
      });
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * A thread running `entry`: the bundled JavaScript as it is; a TypeScript file (a checkout, a test) through tsx's
 * own import, since a worker takes no loader from `--import`.
 */
function threadRunning(entry: URL, data: unknown): Worker {
  // Once loaded, Prism allocates little: a young generation of 8 MB (V8's default is larger) keeps 20 MB off the RSS.
  const options = { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 } };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** The thread's side: loads Prism at once, and answers each ask in the order they come. */
function serve(document: OpenApiDocument) {
  const port = parentPort!;
  const prism = loadPrism(document);
  port.on('message', ({ id, ...ask }: Ask & { id: number }) => {
    void prism
      .then((loaded): Promise<PrismOutcome<unknown>> =>
        ask.kind === 'prefer' ? loaded.preferOf(ask.request) : loaded.answer(ask.operation, ask.request, ask.prefer),
      )
      .catch((error: unknown) => ({
        failure: `Prism failed: ${error instanceof Error ? error.message : String(error)}`,
      }))
      .then((outcome) => port.postMessage({ id, outcome } satisfies Reply));
  });
}

/** Whether this thread is Prism's: the bundled mock asks before it starts a server. */
export const isPrismThread = !isMainThread && (workerData as Record<string, unknown> | null)?.[THREAD] === true;

if (isPrismThread) serve((workerData as { document: OpenApiDocument }).document);
