import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real public data sets live beside the repository, never inside it (see ../shared/data/README files). */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Whether a shared data file is present; tests that need it skip with this message when it is not. */
export function sharedDataFile(relativePath: string): { readonly path: string; readonly present: boolean; readonly skipReason: string } {
  const path = `${SHARED_DATA}${relativePath}`;
  return { path, present: existsSync(path), skipReason: `skipped: ${path} not found (the shared data sets sit next to the repository)` };
}

/** CDNOW_sample.txt as transaction rows: one order per record, customer = the sample id (1..2357), as the papers number them. */
export function readCdnowSample(path: string): { orderId: string; customerId: string; at: string; amount: number }[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line, index) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return {
        orderId: `r${index}`,
        customerId: String(Number(sampleId)),
        at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        amount: Number(dollars),
      };
    });
}

/** A small CSV reader for the shared files (quoted fields without embedded commas, CRLF or LF). */
export function readSimpleCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = (header ?? '').split(',').map((name) => name.replace(/^"|"$/g, ''));
  return lines.map((line) => {
    const cells = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? '']));
  });
}
