import { formatShare } from './format';
import { parse } from 'csv-parse/browser/esm/sync';
import { parseTransactions, type Transaction } from 'clientele';
import { generateSample } from 'clientele/sample';
import { buildDashboard, type Dashboard } from './dashboard';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const status = $<HTMLParagraphElement>('status');
const main = $<HTMLElement>('dashboard');
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An element with text (never HTML: names in the data stay text). */
function element(tag: string, text?: string, attributes: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function table(headings: readonly string[], rows: readonly HTMLElement[][]): HTMLTableElement {
  const node = element('table') as HTMLTableElement;
  const head = node.createTHead().insertRow();
  for (const heading of headings) head.append(element('th', heading));
  const body = node.createTBody();
  for (const cells of rows) body.insertRow().append(...cells);
  return node;
}

/** A heatmap cell: blue, darker for a larger share of the largest value. */
function heat(value: number, max: number, text: string, testId: string): HTMLElement {
  const cell = element('td', text, { class: 'cell', 'data-testid': testId, 'data-value': String(value) });
  const strength = max === 0 ? 0 : value / max;
  cell.style.background = `rgba(47, 111, 223, ${(0.08 + 0.8 * strength).toFixed(3)})`;
  if (strength > 0.55) cell.style.color = '#fff';
  return cell;
}

function section(title: string, ...content: (HTMLElement | string)[]): HTMLElement {
  const node = element('section');
  if (title.startsWith('How stages moved')) node.classList.add('wide');
  node.append(element('h2', title), ...content.map((part) => (typeof part === 'string' ? element('p', part, { class: 'muted' }) : part)));
  return node;
}

function render(view: Dashboard): void {
  main.replaceChildren();
  const summary = element('p', `${count.format(view.counts.accepted)} rows accepted, ${count.format(view.counts.rejected)} rejected; ${count.format(view.customers)} customers, ${count.format(view.buyers)} buyers, as of ${view.asOf}.`, { 'data-testid': 'summary' });
  main.append(section('Data', summary, ...view.firstRejections.map((line) => element('p', line, { class: 'muted' }))));

  const maxCell = Math.max(...view.grid.flat().map((cell) => cell.customers));
  const gridRows = [5, 4, 3, 2, 1].map((r) => [element('th', `R ${r}`), ...[1, 2, 3, 4, 5].map((f) => {
    const cell = view.grid[r - 1]?.[f - 1] ?? { customers: 0, meanSpend: 0 };
    const node = heat(cell.customers, maxCell, count.format(cell.customers), `rfm-${r}-${f}`);
    node.title = `R ${r}, F ${f}: ${count.format(cell.customers)} customers, mean net spend ${money.format(cell.meanSpend)}`;
    return node;
  })]);
  main.append(section('RFM grid: recency (rows) by frequency (columns)', table(['', 'F 1', 'F 2', 'F 3', 'F 4', 'F 5'], gridRows), 'Cell: customers. Hover for their mean net spend.'));

  main.append(
    section(
      'Segment profiles',
      table(
        ['segment', 'customers', 'revenue', 'median orders', 'median days away'],
        view.segments.map((profile) => [
          element('td', profile.label),
          element('td', count.format(profile.customers), { 'data-testid': `segment-${profile.key}` }),
          element('td', formatShare(profile.revenueShare)),
          element('td', count.format(profile.features.orders?.median ?? 0)),
          element('td', count.format(profile.features.daysSinceLastPurchase?.median ?? 0)),
        ]),
      ),
    ),
  );

  const maxStage = Math.max(...view.stages.map((stage) => stage.customers));
  main.append(
    section(
      'Lifecycle stages',
      table(
        ['stage', 'customers', ''],
        view.stages.map((stage) => {
          const bar = element('td', undefined, { class: 'bar' });
          bar.append(element('div', '', { style: `height: 10px; background: #2f6fdf; width: ${maxStage === 0 ? 0 : (100 * stage.customers) / maxStage}%` }));
          return [element('td', stage.label), element('td', count.format(stage.customers), { 'data-testid': `stage-${stage.id}` }), bar];
        }),
      ),
    ),
  );

  const { migration } = view;
  const stageLabel = new Map(view.stages.map((stage) => [stage.id, stage.label]));
  const shown = migration.groups.filter((group) => Object.values(migration.counts[group] ?? {}).some((value) => value > 0) || migration.groups.some((from) => (migration.counts[from]?.[group] ?? 0) > 0));
  main.append(
    section(
      `How stages moved: ${view.migrationFrom} (rows) to ${view.asOf} (columns)`,
      table(
        ['from \\ to', ...shown.map((to) => stageLabel.get(to) ?? to)],
        shown.map((from) => [
          element('th', stageLabel.get(from) ?? from),
          ...shown.map((to) => heat(migration.shares[from]?.[to] ?? 0, 1, migration.counts[from]?.[to] ? count.format(migration.counts[from]?.[to] ?? 0) : '', `move-${from}-${to}`)),
        ]),
      ),
      `Cell: customers; colour: share of the row. ${count.format(migration.common)} customers in both, ${formatShare(migration.stayedShare)} kept their stage.`,
    ),
  );
  main.dataset.ready = 'true';
}

function show(transactions: ReturnType<typeof parseTransactions>, asOf: number): void {
  const started = performance.now();
  render(buildDashboard(transactions, asOf));
  status.className = '';
  status.textContent = `Computed in ${count.format(performance.now() - started)} ms.`;
}

function fail(error: unknown): void {
  main.dataset.ready = 'false';
  status.className = 'error';
  status.textContent = error instanceof Error ? error.message : String(error);
}

$('load-sample').addEventListener('click', () => {
  try {
    const sample = generateSample({ customers: Number($<HTMLInputElement>('sample-size').value), seed: Number($<HTMLInputElement>('sample-seed').value) });
    // The sample's own date; the as-of field stays the user's, for the next file.
    show(parseTransactions(sample.transactions), sample.asOf);
  } catch (error) {
    fail(error);
  }
});

const NUMERIC = new Set(['amount', 'quantity', 'discount']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
async function loadFile(file: File): Promise<void> {
  try {
    const records = parse(await file.text(), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    // Numbers arrive as text; an empty cell is a field the row does not have.
    const rows = records.map((record) => Object.fromEntries(Object.entries(record).map(([field, text]) => [field, NUMERIC.has(field) && NUMBER.test(text) ? Number(text) : text])));
    const transactions = parseTransactions(rows, { emptyStrings: 'missing' });
    if (transactions.records.length === 0) {
      const reasons = transactions.rejected.slice(0, 3).map((issue) => `row ${issue.index + 1} ${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`No valid row in ${file.name} (${transactions.counts.rejected} rejected). ${reasons.join('; ')}`);
    }
    // As of the date chosen, or else the day of the latest row (shown in the summary, not written into the field).
    const chosen = $<HTMLInputElement>('as-of').value;
    const latest = transactions.records.reduce((max, row: Transaction) => Math.max(max, row.at), 0);
    show(transactions, chosen === '' ? latest : Date.parse(`${chosen}T23:59:59Z`));
  } catch (error) {
    fail(error);
  }
}

const input = $<HTMLInputElement>('file');
input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file !== undefined) void loadFile(file);
});
const drop = $<HTMLLabelElement>('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file !== undefined) void loadFile(file);
});
