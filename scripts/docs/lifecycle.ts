// The lifecycle section of the docs: for each store whose items move through states, a state diagram drawn from the
// document's `x-resource` transitions (lib/lifecycle.ts), and a table of the same. The picture is SVG made here, a
// row of states joined by the requests that move an item on; a transition that skips a state or goes back is drawn
// as an arc below the row. Nothing of it is written by hand: a new transition in the document is a new arrow.
import { answerFor, type Contract } from '../../lib/contract.ts';
import type { Json } from '../../lib/json.ts';
import { lifecyclesOf, type Lifecycle, type TransitionStep } from '../../lib/lifecycle.ts';

export const LIFECYCLE_TAG = 'Lifecycle';

/** Markdown: per store, a heading, the diagram and a table of its transitions; undefined for a document with none. */
export function lifecycleSection(contract: Contract): string | undefined {
  const lifecycles = lifecyclesOf(contract);
  if (lifecycles.length === 0) return undefined;
  return [
    'How an item moves from one state to the next, as `x-resource` of the document gives it: each arrow is the',
    'request that moves it. A request that would move an item from any other state is refused, and nothing changes.',
    ...lifecycles.flatMap((lifecycle) => [
      '',
      `## ${lifecycle.store}`,
      '',
      // An HTML image: Redoc's Markdown takes no data URL in an image's link.
      `<img alt="${attribute(altText(lifecycle))}" src="data:image/svg+xml;base64,${Buffer.from(stateDiagram(lifecycle)).toString('base64')}">`,
      '',
      '| From | Request | To | From any other state |',
      '|---|---|---|---|',
      ...lifecycle.transitions.map((t) => transitionRow(contract, t)),
    ]),
  ].join('\n');
}

function transitionRow(contract: Contract, { operation, from, to }: TransitionStep): string {
  const refused = answerFor(contract, 'transition-refused', operation)?.response.status;
  const states = from.map(stateName).join(', ');
  return `| ${states} | ${operation.summary} (\`${operation.method} ${operation.path}\`) | ${stateName(to)} | ${refused ?? 'refused'} |`;
}

function altText(lifecycle: Lifecycle): string {
  const steps = lifecycle.transitions.map((t) => `${t.from.map(stateName).join(' or ')} to ${stateName(t.to)}`);
  return `States of ${lifecycle.store}, starting in ${stateName(lifecycle.initial)}: ${steps.join('; ')}`;
}

function stateName(state: Json): string {
  return typeof state === 'string' ? state : JSON.stringify(state);
}

const FONT = 13;
/** Width of a character of the diagram's font, a little over the mean so that no text overflows its box. */
const CHAR = 7.6;
const BOX_HEIGHT = 36;
const ROW_Y = 36;

/** The diagram: the states in the order they are reached, each arrow labelled with its request's summary. */
export function stateDiagram(lifecycle: Lifecycle): string {
  const states = lifecycle.states;
  const width = (text: string) => Math.ceil(text.length * CHAR) + 24;
  const gaps = states.slice(1).map((state, i) => {
    const label = lifecycle.transitions.find((t) => isFrom(t, states[i]!) && same(t.to, state))?.operation.summary;
    return Math.max(80, label ? width(label) + 16 : 0);
  });
  const xs: number[] = [];
  let x = 40;
  for (const [i, state] of states.entries()) {
    xs.push(x);
    x += width(stateName(state)) + (gaps[i] ?? 0);
  }
  const box = (i: number) => ({ x: xs[i]!, w: width(stateName(states[i]!)) });
  const arcs = lifecycle.transitions.flatMap((t) =>
    t.from.flatMap((from) => {
      const [a, b] = [states.findIndex((s) => same(s, from)), states.findIndex((s) => same(s, t.to))];
      return a < 0 || b < 0 || a === b ? [] : [{ a, b, label: t.operation.summary }];
    }),
  );
  const below = arcs.filter(({ a, b }) => b !== a + 1);
  const height = ROW_Y + BOX_HEIGHT + 30 + below.length * 28;
  const parts = [
    `<circle cx="16" cy="${ROW_Y + BOX_HEIGHT / 2}" r="6" fill="#222"/>`,
    arrow(22, xs[0]!, ROW_Y + BOX_HEIGHT / 2),
    ...states.map((state, i) => stateBox(box(i).x, box(i).w, stateName(state))),
    ...arcs
      .filter(({ a, b }) => b === a + 1)
      .map(({ a, b, label }) => {
        const [from, to] = [box(a).x + box(a).w, box(b).x];
        return `${arrow(from, to, ROW_Y + BOX_HEIGHT / 2)}${text((from + to) / 2, ROW_Y + BOX_HEIGHT / 2 - 8, label)}`;
      }),
    ...below.map(({ a, b, label }, i) => {
      const [from, to] = [box(a).x + box(a).w / 2, box(b).x + box(b).w / 2];
      const depth = ROW_Y + BOX_HEIGHT + 24 + i * 28;
      return `<path d="M ${from} ${ROW_Y + BOX_HEIGHT} V ${depth} H ${to} V ${ROW_Y + BOX_HEIGHT + 6}" fill="none" stroke="#555" stroke-width="1.5" marker-end="url(#head)"/>${text((from + to) / 2, depth - 5, label)}`;
    }),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="${height}" viewBox="0 0 ${x} ${height}" font-family="sans-serif" font-size="${FONT}">`,
    '<defs><marker id="head" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#555"/></marker></defs>',
    ...parts,
    '</svg>',
  ].join('');
}

function stateBox(x: number, w: number, name: string): string {
  return `<rect x="${x}" y="${ROW_Y}" width="${w}" height="${BOX_HEIGHT}" rx="10" fill="#eef3fb" stroke="#32539b" stroke-width="1.5"/>${text(x + w / 2, ROW_Y + BOX_HEIGHT / 2 + 4, name, 'bold')}`;
}

function arrow(from: number, to: number, y: number): string {
  return `<line x1="${from}" y1="${y}" x2="${to - 2}" y2="${y}" stroke="#555" stroke-width="1.5" marker-end="url(#head)"/>`;
}

function text(x: number, y: number, content: string, weight = 'normal'): string {
  return `<text x="${x}" y="${y}" text-anchor="middle" font-weight="${weight}">${escaped(content)}</text>`;
}

/** Text as an HTML attribute's value, between double quotes. */
function attribute(text: string): string {
  return escaped(text).replaceAll('"', '&quot;');
}

/** Text as SVG character data: the document's words may hold `&` or `<`. */
function escaped(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function isFrom(transition: TransitionStep, state: Json): boolean {
  return transition.from.some((from) => same(from, state));
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
