// What the layout test measures in the page, as a reader sees it: where lines break, what is wider than its
// column or box, and how much empty space lies between blocks. Each function runs in the browser (Playwright's evaluate
// sends its source), so it uses nothing from this module's scope.

/**
 * The places where a line break cuts a word of `root`'s text (`Movilitas.Clou|d`), with a little context. A
 * line may break after white space, a `/` of a path, a hyphen or dash, or a `?` or `&` of a query; anywhere else
 * between two characters it cuts a word.
 */
export function wordsCut(root: Element): string[] {
  const cut: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    let lineTop: number | undefined;
    for (let i = 0; i < text.length; i++) {
      const range = root.ownerDocument.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      // White space at the end of a line is drawn nowhere.
      if (!box || box.width === 0) continue;
      const newLine = lineTop !== undefined && box.top > lineTop + box.height / 2;
      if (newLine && !/[\s/?&\-–—]/.test(text[i - 1]!) && !/\s/.test(text[i]!))
        cut.push(`${text.slice(Math.max(0, i - 16), i)}|${text.slice(i, i + 8)}`);
      lineTop = box.top;
    }
  }
  return cut;
}

/** The tables among `elements` wider than their column: Redoc then hides their right part behind a scroll. */
export function tablesWiderThanColumn(elements: Element[]): string[] {
  return elements
    .filter((element) => element.tagName === 'TABLE')
    .filter((table) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth + 1)
    .map((table) => table.querySelector('th')?.textContent ?? table.textContent!.slice(0, 40));
}

/** Whether a code block hides the end of a line: wider than its box, the rest out of sight to the right. */
export function hidesLineEnds(code: Element): boolean {
  return [code, ...code.querySelectorAll('*')].some((node) => node.scrollWidth > node.clientWidth + 1);
}

/** A group of blocks under its heading: how many blocks follow the heading, and the largest gap among them. */
export interface Gaps {
  group: string;
  blocks: number;
  /** Pixels of empty space, after the block whose text begins with `after`. */
  gap: number;
  after: string;
}

/**
 * The largest empty space between one block of Markdown (a heading, paragraph or table) and the next within each
 * group of `blocks`, a group running from a heading named in `titles` to the next. Blocks are given in the order
 * of the page.
 */
export function largestGaps(blocks: Element[], titles: string[]): Gaps[] {
  const groups: Gaps[] = [];
  for (const [i, block] of blocks.entries()) {
    const text = (block as HTMLElement).innerText.trim();
    if (titles.includes(text)) {
      groups.push({ group: text, blocks: 0, gap: 0, after: '' });
      continue;
    }
    const group = groups.at(-1);
    if (!group) continue;
    group.blocks++;
    const previous = blocks[i - 1]!;
    const gap = Math.round(block.getBoundingClientRect().top - previous.getBoundingClientRect().bottom);
    if (gap > group.gap) Object.assign(group, { gap, after: (previous as HTMLElement).innerText.slice(0, 40) });
  }
  return groups;
}
