/** The findings store (IndexedDB via idb). The stores and their keys are described in schema.ts. */
export * from './schema';
export * from './db';
export * from './audits';
export * from './records';
