// The mock's own paths, beside the contract's: the docs page, the bundled document, `/` leading to the docs (unless
// the document has an operation there) and the reset. Each answers its methods; any other method gets the
// document's 405 with `Allow`, as a path of the contract would.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { Contract } from '../lib/contract.ts';
import { docsServedAt } from './docs-page.ts';

/** Not part of the contract: tests (and people) clear what the mock remembers with a POST here. */
export const RESET_PATH = '/__mock/reset';

const NO_DOCS =
  "No docs page: the mock serves the kit's docs/index.html (npm run docs) for the kit's own document, and none for another.";

export interface OwnPage {
  methods: string[];
  answer(req: IncomingMessage, res: ServerResponse): void;
}

export interface PageSources {
  contract: Contract;
  /** The bundled document, served as it is. */
  documentPath: string;
  /** The docs page to serve; none for a document other than the kit's, unless given. */
  docsPath?: string;
  /** Where the mock listens (`127.0.0.1:4010`), known once it does. */
  ownHost(): string;
  /** Forgets what the mock remembers. */
  reset(): void;
  /** Whether the document leaves `/` free for the mock. */
  rootIsFree: boolean;
}

const READ = ['GET', 'HEAD'];

export function ownPages(sources: PageSources): Map<string, OwnPage> {
  let docsPage: Buffer | undefined;
  // Read on first ask (the mock starts without it) and kept: the page is the same until the mock restarts.
  const docs = () => {
    const { docsPath } = sources;
    if (docsPage === undefined && docsPath !== undefined && existsSync(docsPath))
      docsPage = Buffer.from(docsServedAt(readFileSync(docsPath, 'utf8'), sources.contract, sources.ownHost()));
    return docsPage;
  };
  const docsAnswer: OwnPage = {
    methods: READ,
    answer(req, res) {
      const page = docs();
      answerFile(req, res, page ? 200 : 503, 'text/html; charset=utf-8', page ?? Buffer.from(NO_DOCS));
    },
  };
  const pages = new Map<string, OwnPage>([
    ['/docs', docsAnswer],
    ['/docs/', docsAnswer],
    [
      '/openapi.yaml',
      {
        methods: READ,
        answer: (req, res) =>
          answerFile(req, res, 200, 'application/yaml; charset=utf-8', readFileSync(sources.documentPath)),
      },
    ],
    [
      RESET_PATH,
      {
        methods: ['POST'],
        answer(req, res) {
          sources.reset();
          req.resume();
          res.writeHead(204).end();
        },
      },
    ],
  ]);
  if (sources.rootIsFree)
    pages.set('/', {
      methods: READ,
      answer: (_req, res) => void res.writeHead(302, { location: '/docs', 'content-length': 0 }).end(),
    });
  return pages;
}

/** A file for GET, its headers alone (with the length GET would send) for HEAD. */
function answerFile(req: IncomingMessage, res: ServerResponse, status: number, type: string, content: Buffer) {
  res.writeHead(status, { 'content-type': type, 'content-length': content.length });
  res.end(req.method === 'HEAD' ? undefined : content);
}
