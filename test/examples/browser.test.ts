/**
 * examples/browser in a real headless Chromium: build the page with Vite, serve it on loopback,
 * load the sample and a CSV as a person would, check that the numbers on the page are the
 * library's, and take a screenshot (build/screenshots/browser-dashboard.png).
 *
 * Needs Debian's chromium (`apt-get install chromium`); .ci/run installs it. Without it the test
 * skips with that message, and under CI=true it fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, classifyLifecycle, parseTransactions, rfm, summarize } from 'clientele';
import { generateSample } from 'clientele/sample';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const reason = `skipped: no ${CHROMIUM} (install Debian's chromium: apt-get install chromium; .ci/run does)`;
if (!present && process.env.CI !== 'true') console.warn(`browser.test.ts: ${reason}`);
const config = join(import.meta.dirname, '../../examples/browser/vite.config.ts');

describe('examples/browser', () => {
  it.runIf(process.env.CI === 'true')('has Chromium under CI (.ci/run installs it)', () => {
    expect(present, reason).toBe(true);
  });

  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let url = '';

  beforeAll(async () => {
    if (!present) return;
    await build({ configFile: config, logLevel: 'silent' });
    server = await preview({ configFile: config, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
    url = server.resolvedUrls?.local[0] ?? '';
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!present)(`shows the library's numbers for the sample, computed in the page${present ? '' : ` (${reason})`}`, async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.fill('#sample-size', '1500');
    await page.fill('#sample-seed', '7');
    await page.click('#load-sample');
    await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });

    const sample = generateSample({ customers: 1500, seed: 7 });
    const transactions = parseTransactions(sample.transactions);
    const features = summarize(transactions.records, { asOf: sample.asOf });
    expect(await page.textContent('[data-testid="summary"]')).toBe(
      `${transactions.counts.accepted.toLocaleString('en-US')} rows accepted, 0 rejected; ${features.length.toLocaleString('en-US')} customers, ${features.filter((customer) => customer.orders > 0).length.toLocaleString('en-US')} buyers, as of ${new Date(sample.asOf).toISOString().slice(0, 10)}.`,
    );
    // Every cell of the RFM grid.
    const { scores } = rfm(features);
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const expected = scores.filter((score) => score.r === r && score.f === f).length;
        expect(await page.getAttribute(`[data-testid="rfm-${r}-${f}"]`, 'data-value'), `R ${r} F ${f}`).toBe(String(expected));
      }
    }
    // Every lifecycle stage.
    const { counts } = classifyLifecycle(features, { sentences: false });
    for (const stage of LIFECYCLE_STAGES) expect(await page.textContent(`[data-testid="stage-${stage.id}"]`)).toBe(counts[stage.id].toLocaleString('en-US'));
    // Champions in the segment profiles.
    expect(await page.textContent('[data-testid="segment-champions"]')).toBe(scores.filter((score) => score.segment === 'champions').length.toLocaleString('en-US'));
    expect(errors).toEqual([]);
    mkdirSync(join(import.meta.dirname, '../../build/screenshots'), { recursive: true });
    await page.screenshot({ path: join(import.meta.dirname, '../../build/screenshots/browser-dashboard.png'), fullPage: true });
  }, 120_000);

  it.skipIf(!present)('reads a dropped CSV file and says what it rejected', async () => {
    await page.goto(url);
    await page.fill('#as-of', '2026-03-31');
    await page.setInputFiles('#file', {
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('orderId,customerId,at,amount,category\no1,a,2026-01-05,40,shoes\no2,b,2026-01-20,25,\no3,a,2026-02-11,30,socks\no4,c,2026-02-30,60,shoes\n<img src=x onerror=alert(1)>,d,2026-03-01,5,\n'),
    });
    await page.waitForSelector('main[data-ready="true"]');
    expect(await page.textContent('[data-testid="summary"]')).toBe('4 rows accepted, 1 rejected; 3 customers, 3 buyers, as of 2026-03-31.');
    expect(await page.textContent('main')).toContain('row 4 at:');
    // A hostile order id is data, never markup.
    expect(await page.$('img')).toBeNull();
    // A file without a valid row says why, and leaves the as-of date alone.
    await page.setInputFiles('#file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('orderId,customerId,at,amount\no1,a,someday,40\n') });
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toMatch(/No valid row in bad.csv \(1 rejected\)\. row 1 at: /);
    expect(await page.inputValue('#as-of')).toBe('2026-03-31');
  }, 60_000);
});
