// The engine as the benchmark injects it into a page: one IIFE exposing its entry points, and the
// reading in slices the content script does (lib/content/auditor.ts).
import { audit } from '../lib/audit';
import { extractGuide, extractionSteps } from '../lib/extract/guide';
import { runInSlices } from '../lib/extract/slices';

const inSlices = async (doc: Document) => audit((await runInSlices(extractionSteps(doc)))!);
(globalThis as Record<string, unknown>).__engine = { audit, extractGuide, inSlices };
