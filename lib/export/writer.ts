import { CSV_BOM, csvRow } from '../csv';

/**
 * Files written as a stream: rows are joined in small chunks and appended to a Blob, which the
 * browser keeps outside the JS heap, so 120,000 rows never become one giant string. Between
 * batches the writer yields to the event loop so the page stays responsive.
 */

const CHUNK_ROWS = 2000;

export class BlobWriter {
  private blob: Blob;
  private buf: string[] = [];
  rows = 0;

  constructor(
    readonly type: string,
    first = '',
  ) {
    this.blob = new Blob(first ? [first] : [], { type });
  }

  write(text: string): void {
    this.buf.push(text);
    if (this.buf.length >= CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (!this.buf.length) return;
    this.blob = new Blob([this.blob, this.buf.join('')], { type: this.type });
    this.buf = [];
  }

  finish(): Blob {
    this.flush();
    return this.blob;
  }
}

/** A CSV file: UTF-8 BOM, the header, then rows (RFC 4180, CRLF, formulas neutralised). */
export class CsvWriter extends BlobWriter {
  constructor(header: readonly string[]) {
    super('text/csv;charset=utf-8', CSV_BOM + csvRow(header));
  }

  row(cells: readonly (string | number | boolean | null | undefined)[]): void {
    this.rows++;
    this.write(csvRow(cells));
  }
}

/** Lets the page paint and handle input between batches. */
export const pause = () => new Promise<void>((r) => setTimeout(r, 0));

/** A file name without the characters Windows refuses. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 150);
}
