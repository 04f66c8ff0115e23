// What the layout test measures in the page, as a reader sees it: how much empty space lies between blocks.
// Each function runs in the browser (Playwright's evaluate sends its source), so it uses nothing from this
// module's scope.

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
