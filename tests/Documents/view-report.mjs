// Opens a call analytics report in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core, which
// downloads no browser of its own) at 1280x800, saves a screenshot, and prints what the page shows as JSON:
// { requests: [urls other than the file itself], errors: [page errors], calls: [{ job, turns, visibleTurns,
//   categories }], sortedByDuration: [job names after pressing the Duration heading twice] }.
// Usage: node view-report.mjs <report.html> <screenshot.png> [chromium path]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, screenshot, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const url = pathToFileURL(report).href;
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  const errors = [];
  page.on('request', request => { if (request.url() !== url) requests.push(request.url()); });
  page.on('pageerror', error => errors.push(String(error)));
  page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
  // Anything but the file itself is refused as well as recorded, so a stray reference cannot reach the network.
  await page.route(candidate => candidate.href !== url, route => route.abort());
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: screenshot });

  const calls = await page.$$eval('section.call', sections => sections.map(section => {
    const turns = [...section.querySelectorAll('li.turn')];
    const shown = element => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'; };
    return {
      job: section.dataset.job,
      turns: turns.length,
      visibleTurns: turns.filter(shown).length,
      turnTexts: turns.map(t => t.querySelector('.text').textContent),
      categories: [...section.querySelectorAll('li.category')].filter(shown).map(c => c.dataset.category),
      timelineBars: section.querySelectorAll('svg.timeline rect.turn').length,
    };
  }));

  let sortedByDuration = [];
  const heading = page.locator('table.calls thead th', { hasText: 'Duration' }).locator('button');
  if (await heading.count() === 1) {
    await heading.click();
    await heading.click();
    sortedByDuration = await page.$$eval('table.calls tbody tr', rows => rows.map(r => ({ job: r.cells[0].dataset.value, seconds: Number(r.cells[1].dataset.value) })));
  }

  const headings = await page.$$eval('h1, h2, h3', hs => hs.map(h => h.tagName));
  process.stdout.write(JSON.stringify({ requests, errors, calls, sortedByDuration, headings }));
} finally {
  await browser.close();
}
