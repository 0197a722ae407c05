import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { ROOT } from './golden.js';

/** A fenced code block of README.md, with the headings it sits under. */
export interface ReadmeBlock {
  /** The `##` heading above it. */
  section: string;
  /** The `###` heading above it, if any (after the `##`). */
  subsection?: string;
  lang: string;
  content: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** Every fenced code block of README.md, in order (markdown-it's parse, not a regex). */
export function readmeBlocks(): ReadmeBlock[] {
  const tokens = new MarkdownIt().parse(readFileSync(path.join(ROOT, 'README.md'), 'utf8'), {});
  const blocks: ReadmeBlock[] = [];
  let section = '';
  let subsection: string | undefined;
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') {
      const text = tokens[i + 1]?.content ?? '';
      if (token.tag === 'h2') {
        section = text;
        subsection = undefined;
      } else if (token.tag === 'h3') subsection = text;
    }
    if (token.type === 'fence') {
      blocks.push({
        section,
        ...(subsection !== undefined ? { subsection } : {}),
        lang: token.info.trim(),
        content: token.content,
        line: (token.map?.[0] ?? 0) + 1,
      });
    }
  });
  return blocks;
}

/** The blocks under a `###` heading (the install, CI and pre-commit sections). */
export function blocksUnder(subsection: string): ReadmeBlock[] {
  const found = readmeBlocks().filter((block) => block.subsection === subsection);
  if (found.length === 0) throw new Error(`README.md has no code block under "### ${subsection}"`);
  return found;
}
