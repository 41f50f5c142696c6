/**
 * The outlines' drawing code is loaded into a frame only when the reviewer first asks for an
 * outline (the content script runs on every portal page; most are never outlined). The drawing
 * script (entrypoints/highlights.ts, a web-accessible file reached only by its per-session URL)
 * leaves this handle in the content script's own world, where the page cannot see it.
 */
import type { DrawReply, Mark } from './messages';

export const DRAWING_KEY = '__guideAuditorDrawing';

export interface Drawing {
  draw(marks: Mark[], scroll: boolean, without: string[]): Promise<DrawReply>;
  clear(): void;
}
