// The engine as the benchmark injects it into a page: one IIFE exposing its entry points.
import { audit } from '../lib/audit';
import { extractGuide } from '../lib/extract/guide';

(globalThis as Record<string, unknown>).__engine = { audit, extractGuide };
