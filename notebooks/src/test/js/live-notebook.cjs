// Drives classic Jupyter Notebook in Chromium the way a reader uses the notebook: Run All, re-run section 4, edit
// ENTRY_COUNT and run everything below it, interrupt Part 3's run and run `1 + 1`, Restart & Run All. Prints one
// JSON object (what each step saw, with its timings) on stdout; NotebookInBrowserIT asserts on it.
//
// Environment: PLAYWRIGHT_CORE (path of the playwright-core package), NOTEBOOK_URL (with its token), SCREENSHOTS
// (folder), CELLS (JSON: cell id -> index in the notebook), CHARTS (charts a full run draws).
'use strict';
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const cells = JSON.parse(process.env.CELLS);
const charts = Number(process.env.CHARTS);
const shots = process.env.SCREENSHOTS;
const CELL_TIMEOUT = 15 * 60 * 1000;

async function main() {
  const report = { steps: [], pageErrors: [] };
  // never a downloaded browser: Debian's Chromium; no network beyond the notebook server on 127.0.0.1
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', e => report.pageErrors.push(String(e.message || e)));

    await step(report, 'open', async () => {
      await page.goto(process.env.NOTEBOOK_URL);
      await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
          && Jupyter.notebook.kernel.is_connected() && !Jupyter.notebook.kernel_busy, null, { timeout: 120000 });
      return { codeCells: await page.evaluate(() => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length) };
    });

    await step(report, 'run-all', async () => {
      await page.click('#celllink');
      await page.click('#run_all_cells a');
      await settle(page);
      return await state(page);
    });
    await shot(page, 'run-all', cells['sure-run']);

    await step(report, 'rerun-section-4', async () => {
      const section4 = ['monolith-insert', 'fragmented-insert', 'login', 'part1-summary'].map(id => cells[id]);
      await page.evaluate(ix => Jupyter.notebook.execute_cells(ix), section4);
      await settle(page);
      return await state(page, section4);
    });
    await shot(page, 'rerun-section-4', cells['monolith-insert']);

    await step(report, 'entry-count-2000-run-below', async () => {
      const at = cells['generation'];
      const edited = await page.evaluate(i => {
        const cell = Jupyter.notebook.get_cell(i);
        cell.set_text(cell.get_text().replace(/int ENTRY_COUNT = [\d_]+;/, 'int ENTRY_COUNT = 2_000;'));
        Jupyter.notebook.select(i);
        Jupyter.notebook.execute_cells_below();
        return cell.get_text().includes('int ENTRY_COUNT = 2_000;');
      }, at);
      await settle(page);
      const below = [];
      for (let i = at; i < await page.evaluate(() => Jupyter.notebook.ncells()); i++) below.push(i);
      return { edited, ...(await state(page, below)) };
    });
    await shot(page, 'entry-count-2000', cells['sure-run']);

    await step(report, 'interrupt-part-3', async () => {
      const at = cells['workload-run'];
      await page.evaluate(i => Jupyter.notebook.execute_cells([i]), at);
      await page.waitForTimeout(1000);
      const stillRunning = await page.evaluate(i => Jupyter.notebook.get_cell(i).input_prompt_number === '*', at);
      await page.click('#kernellink');
      await page.click('#int_kernel a');
      await settle(page);
      const cell = await cellState(page, at);
      // the next cell reads the run: it must say which cell to run, not draw the earlier run's charts
      await page.evaluate(i => Jupyter.notebook.execute_cells([i]), cells['workload-charts']);
      await settle(page);
      const after = await cellState(page, cells['workload-charts']);
      const sum = await page.evaluate(() => {
        const cell = Jupyter.notebook.insert_cell_at_bottom('code');
        cell.set_text('1 + 1');
        Jupyter.notebook.execute_cells([Jupyter.notebook.ncells() - 1]);
        return Jupyter.notebook.ncells() - 1;
      });
      await settle(page);
      const onePlusOne = await cellState(page, sum);
      await shot(page, 'interrupted', at);
      await page.evaluate(i => Jupyter.notebook.delete_cell(i), sum);
      return { stillRunningAfterOneSecond: stillRunning, interrupted: cell, nextCell: after, onePlusOne };
    });

    await step(report, 'restart-run-all', async () => {
      await page.evaluate(() => Jupyter.notebook.restart_run_all({ confirm: false }));
      // the restart clears the prompts first; then every cell runs again
      await page.waitForFunction(() => Jupyter.notebook.get_cells().some(c => c.cell_type === 'code'
          && c.input_prompt_number === '*'), null, { timeout: 120000 });
      await settle(page);
      return await state(page);
    });
    await shot(page, 'restart-run-all', cells['workload-charts']);
  } finally {
    await browser.close();
  }
  return report;
}

async function step(report, name, action) {
  const started = Date.now();
  try {
    const seen = await action();
    report.steps.push({ name, seconds: (Date.now() - started) / 1000, ...seen });
  } catch (e) {
    report.steps.push({ name, seconds: (Date.now() - started) / 1000, failed: String(e && e.stack || e) });
    throw Object.assign(new Error(name + ': ' + e), { report });
  }
}

/** Waits until no cell is queued or running and the kernel is idle. */
async function settle(page) {
  await page.waitForTimeout(500);
  await page.waitForFunction(() => !Jupyter.notebook.kernel_busy
      && Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || c.input_prompt_number !== '*'),
      null, { timeout: CELL_TIMEOUT, polling: 250 });
  await page.waitForTimeout(1500);   // plotly draws after the output arrives
}

/** Per code cell (all, or the given indices): its prompt, error outputs, stderr text; and the charts drawn. */
async function state(page, indices) {
  const cellsSeen = await page.evaluate(ix => {
    const all = Jupyter.notebook.get_cells().map((c, i) => [c, i]).filter(([c]) => c.cell_type === 'code');
    return all.filter(([, i]) => !ix || ix.includes(i)).map(([c, i]) => ({
      index: i,
      prompt: c.input_prompt_number === undefined ? null : c.input_prompt_number,
      errors: c.output_area.outputs.filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
      stderr: c.output_area.outputs.filter(o => o.name === 'stderr').map(o => o.text).join(''),
    }));
  }, indices || null);
  const drawn = await page.evaluate(() => document.querySelectorAll('.js-plotly-plot').length);
  return { cells: cellsSeen, charts: drawn, chartsExpected: charts };
}

async function cellState(page, index) {
  return await page.evaluate(i => {
    const c = Jupyter.notebook.get_cell(i);
    return {
      index: i,
      prompt: c.input_prompt_number === undefined ? null : c.input_prompt_number,
      errors: c.output_area.outputs.filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
      text: c.output_area.element[0].innerText,
      html: c.output_area.outputs.map(o => (o.data && (o.data['text/html'] || o.data['text/markdown'] || o.data['text/plain'])) || o.text || '').join('\n'),
    };
  }, index);
}

async function shot(page, name, index) {
  await page.evaluate(i => Jupyter.notebook.get_cell(i).element[0].scrollIntoView(), index);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shots + '/live-' + name + '.png' });
}

main().then(report => {
  process.stdout.write(JSON.stringify(report) + '\n');
}, e => {
  process.stdout.write(JSON.stringify(e.report || { error: String(e && e.stack || e) }) + '\n');
  process.exitCode = 1;
});
