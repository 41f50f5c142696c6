import { Blob as NodeBlob } from 'node:buffer';

// fake-indexeddb clones records with Node's structuredClone, which keeps Node's own Blob (as a
// browser's IndexedDB keeps its Blob) but not happy-dom's. Store tests use Node's Blob.
globalThis.Blob = NodeBlob as unknown as typeof Blob;
