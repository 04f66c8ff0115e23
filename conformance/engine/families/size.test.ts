import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract, type Contract } from '../../../lib/contract.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import type { OpenApiDocument, ResponseObject } from '../../../lib/openapi.ts';
import { contextOf } from '../../fixtures/test-kit.ts';
import { sizeCases } from './size.ts';

const tooLarge = (limit?: number, errorCase: ErrorCase = 'body-too-large'): ResponseObject => ({
  description: 'Too large.',
  ...(limit === undefined ? {} : { 'x-max-body-bytes': limit }),
  content: { 'application/json': { examples: { big: { 'x-error-case': errorCase, value: { error: 'big' } } } } },
});
const document = (response: ResponseObject = tooLarge(64), mediaType = 'application/json'): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'Size', version: '1' },
  components: { responses: { TooLarge: response } },
  paths: {
    '/notes': {
      post: {
        operationId: 'postNote',
        requestBody: {
          content: { [mediaType]: { schema: { type: 'object' }, examples: { short: { value: { text: 'hello' } } } } },
        },
        responses: { '201': { description: 'Made.' }, '413': { $ref: '#/components/responses/TooLarge' } },
      },
    },
  },
});

/** The cases of one operation, from the context the catalogue gives it (conformance/catalogue.ts). */
const casesOf = (contract: Contract, operationId = 'postNote', notes: string[] = []) =>
  sizeCases(contextOf(contract, operationId, notes));

describe('sizeCases', () => {
  const [atLimit, overLimit] = casesOf(contractFrom(document()));

  it('makes a body of exactly x-max-body-bytes, which is read, and one byte more, which is refused', () => {
    expect([atLimit?.id, overLimit?.id]).toEqual(['postNote.size.at-limit', 'postNote.size.over-limit']);
    expect(atLimit!.request.padTo).toBe(64);
    expect(atLimit!.expect).toEqual({ status: 201, echoOf: { text: 'hello' } });
    expect(overLimit!.request.padTo).toBe(65);
    expect(overLimit!.expect).toMatchObject({ status: 413, errorCase: 'body-too-large', example: { error: 'big' } });
    expect(overLimit!.title).toBe('a body of 65 bytes is refused');
  });

  it('pads the documented example, which must leave room for the padding', () => {
    for (const c of [atLimit!, overLimit!]) {
      expect(JSON.parse(c.request.body!)).toEqual({ text: 'hello' });
      expect(Buffer.byteLength(c.request.body!)).toBeLessThan(c.request.padTo!);
      expect(c.request.headers['content-type']).toBe('application/json');
    }
  });

  it('points at the x-max-body-bytes where it is written, through $ref', () => {
    expect(atLimit!.rule).toBe('#/components/responses/TooLarge/x-max-body-bytes');
    expect(overLimit!.rule).toBe(atLimit!.rule);
  });

  it('leaves out the at-limit case, with a note, when the example alone is past the limit', () => {
    // {"text":"hello"} is 16 bytes: padding can bring it to a limit of 16, never down to 15.
    const notes: string[] = [];
    expect(casesOf(contractFrom(document(tooLarge(16))), 'postNote', notes).map((c) => c.id)).toEqual([
      'postNote.size.at-limit',
      'postNote.size.over-limit',
    ]);
    const past = casesOf(contractFrom(document(tooLarge(15))), 'postNote', notes);
    expect(past.map((c) => [c.id, c.request.padTo, c.expect.status])).toEqual([['postNote.size.over-limit', 16, 413]]);
    expect(notes).toEqual(['postNote: size.at-limit left out: the example is 16 bytes, past the limit of 15']);
  });

  it('makes nothing without a limit, without a body-too-large answer, or without a JSON body', () => {
    expect(casesOf(contractFrom(document(tooLarge(undefined))))).toEqual([]);
    expect(casesOf(contractFrom(document(tooLarge(64, 'body-unparsable'))))).toEqual([]);
    expect(casesOf(contractFrom(document(tooLarge(64), 'text/plain')))).toEqual([]);
  });

  it('reads a JSON media type with a suffix as JSON', () => {
    const problem = casesOf(contractFrom(document(tooLarge(40), 'application/vnd.notes+json')));
    expect(problem.map((c) => [c.request.padTo, c.request.headers['content-type']])).toEqual([
      [40, 'application/vnd.notes+json'],
      [41, 'application/vnd.notes+json'],
    ]);
  });

  it('uses the limit of the kit’s own document', () => {
    const contract = loadContract();
    const create = contract.operations.find((op) => op.operationId === 'createPackagingOrder')!;
    const over = casesOf(contract, create.operationId).find((c) => c.id.endsWith('.size.over-limit'))!;
    expect(over.request.padTo).toBe(create.bodyLimit! + 1);
    expect(over.expect.status).toBe(413);
  });
});
