import { createDrawing } from '@/lib/highlight/draw';
import { DRAWING_KEY } from '@/lib/highlight/drawing';

// The outlines' drawing code, imported by the content script (lib/highlight/content.ts) into its
// own world the first time a frame is asked to outline something; it leaves the frame's handle there.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[DRAWING_KEY] = createDrawing(document);
});
