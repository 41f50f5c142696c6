/**
 * `npm run audit -- --flow FLOW.json`: replays Chrome DevTools Recorder flows with the real
 * extension loaded, clicking as a person would (Playwright's clicks are real input events, so
 * the extension records them exactly as it would a reviewer's), then reports the journey the
 * extension stored — its own counts, not the replayer's — beside the audits of its guide pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from '@playwright/test';
import type { JourneyView } from '../lib/background/journey';
import type { PageReport } from '../lib/csv';
import { flowsToCsv, flowsToJson, flowsToTable, journeyJson, parseFlow, stepName, type FlowReport, type FlowStep, type UserFlow } from '../lib/journey/flow';
import { terminalText } from '../lib/report';
import { writeReport } from './output';
import { auditUrls, launch, readResults, type Session } from './runner';

const DEFAULT_TIMEOUT = 10_000;

class StepError extends Error {}

/** A Playwright locator for one Recorder selector alternative. */
function locate(root: Page | Frame, selector: string | string[]): Locator {
  const parts = Array.isArray(selector) ? selector : [selector];
  let loc: Locator | undefined;
  for (const part of parts) {
    const scope = loc ?? root;
    let next: Locator;
    if (part.startsWith('aria/')) {
      const m = /^aria\/(.*?)(?:\[role="([^"]+)"\])?$/.exec(part)!;
      const name = m[1]!;
      const roles = (m[2] ? [m[2]] : ['button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'menuitem', 'tab', 'option', 'heading']) as Parameters<Page['getByRole']>[0][];
      next = roles.map((r) => scope.getByRole(r, { name, exact: true })).reduce((a, b) => a.or(b));
    } else if (part.startsWith('text/')) next = scope.getByText(part.slice(5));
    else if (part.startsWith('xpath/')) next = scope.locator(`xpath=${part.slice(6)}`);
    // Playwright's CSS already pierces open shadow roots.
    else if (part.startsWith('pierce/')) next = scope.locator(`css=${part.slice(7)}`);
    else next = scope.locator(`css=${part}`);
    loc = next;
  }
  return loc!;
}

/** The first alternative that finds an element within the timeout. */
async function find(root: Page | Frame, selectors: (string | string[])[], timeout: number): Promise<Locator | undefined> {
  const deadline = Date.now() + timeout;
  const locs = selectors.map((s) => {
    try {
      return locate(root, s);
    } catch {
      return undefined;
    }
  });
  do {
    for (const l of locs) if (l && (await l.count().catch(() => 0)) > 0) return l.first();
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  return undefined;
}

interface Tabs {
  main: Page;
  /** One of our pages, to see what the extension has concluded. */
  reader: Page;
  /** Recorder targets (a popup's URL when it appeared) resolved once to their page. */
  byTarget: Map<string, Page>;
}

async function pageFor(session: Session, tabs: Tabs, target: string | undefined, timeout: number): Promise<Page> {
  if (!target || target === 'main') return tabs.main;
  const known = tabs.byTarget.get(target);
  if (known && !known.isClosed()) return known;
  const deadline = Date.now() + timeout;
  const strip = (u: string) => u.split('#')[0]!.split('?')[0]!;
  do {
    const pages = session.context.pages().filter((p) => !p.url().startsWith('chrome-extension://'));
    const hit = pages.find((p) => p.url() === target) ?? pages.find((p) => strip(p.url()) === strip(target));
    if (hit) {
      tabs.byTarget.set(target, hit);
      return hit;
    }
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  throw new StepError(`找不到目标页面 / no page for target ${target}`);
}

function frameOf(page: Page, path: number[] | undefined): Page | Frame {
  let f: Frame = page.mainFrame();
  for (const i of path ?? []) {
    const child = f.childFrames()[i];
    if (!child) throw new StepError(`找不到框架 / no frame ${path!.join('.')}`);
    f = child;
  }
  return path?.length ? f : page;
}

async function runStep(session: Session, tabs: Tabs, step: FlowStep, timeout: number): Promise<void> {
  const page = await pageFor(session, tabs, step.target, timeout);
  const root = frameOf(page, step.frame);
  const need = async (selectors: (string | string[])[]) => {
    const loc = await find(root, selectors, timeout);
    if (!loc) throw new StepError(`${timeout} ms 内找不到元素 / selector not found within ${timeout} ms`);
    return loc;
  };
  const BUTTON = { primary: 'left', auxiliary: 'middle', secondary: 'right', back: 'left', forward: 'left' } as const;
  switch (step.type) {
    case 'setViewport':
      await page.setViewportSize({ width: step.width, height: step.height });
      break;
    case 'navigate': {
      await page.goto(step.url, { waitUntil: 'load', timeout: Math.max(timeout, 30_000) });
      // A person reads the page before clicking on: wait until the extension has audited it
      // (a guide's online entry starts a journey only once the page is known to be a guide).
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !(await readResults(session, tabs.reader)).some((r) => r.result.url === page.url())) await new Promise((r) => setTimeout(r, 150));
      break;
    }
    case 'click':
    case 'doubleClick': {
      const loc = await need(step.selectors);
      const position = step.offsetX !== undefined && step.offsetY !== undefined ? { x: step.offsetX, y: step.offsetY } : undefined;
      const o = { timeout, button: BUTTON[step.button ?? 'primary'], ...(position ? { position } : {}), ...(step.duration ? { delay: step.duration } : {}) };
      if (step.type === 'click') await loc.click(o);
      else await loc.dblclick(o);
      break;
    }
    case 'hover':
      await (await need(step.selectors)).hover({ timeout });
      break;
    case 'change': {
      const loc = await need(step.selectors);
      const tag = await loc.evaluate((el) => el.tagName);
      if (tag === 'SELECT') await loc.selectOption(step.value, { timeout });
      else await loc.fill(step.value, { timeout });
      break;
    }
    case 'keyDown':
      await page.keyboard.down(step.key);
      break;
    case 'keyUp':
      await page.keyboard.up(step.key);
      break;
    case 'scroll':
      if (step.selectors?.length) await (await need(step.selectors)).evaluate((el, [x, y]) => el.scrollTo(x ?? 0, y ?? 0), [step.x, step.y]);
      else await page.evaluate(([x, y]) => window.scrollTo(x ?? 0, y ?? 0), [step.x, step.y]);
      break;
    case 'waitForElement': {
      const loc = locate(root, step.selectors[0]!);
      const want = step.count ?? 1;
      const op = step.operator ?? '>=';
      const deadline = Date.now() + timeout;
      for (;;) {
        const n = step.visible === false ? await loc.count() : await loc.filter({ visible: true }).count();
        if (op === '>=' ? n >= want : op === '<=' ? n <= want : n === want) break;
        if (Date.now() > deadline) throw new StepError(`${timeout} ms 内元素数量不符 / element count not ${op} ${want} within ${timeout} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
      break;
    }
    case 'waitForExpression':
      await root.waitForFunction(step.expression, undefined, { timeout });
      break;
    case 'close':
      await page.close();
      break;
    case 'emulateNetworkConditions':
      throw new StepError('不支持模拟网络条件 / emulateNetworkConditions is not supported');
    case 'customStep':
      if (step.name === 'back') await page.goBack({ waitUntil: 'load', timeout: Math.max(timeout, 30_000) });
      else if (step.name === 'forward') await page.goForward({ waitUntil: 'load', timeout: Math.max(timeout, 30_000) });
      else throw new StepError(`不支持的自定义步骤 / unsupported customStep "${step.name}"`);
      break;
  }
  // A step that navigates: wait for the page it asserts, then for it to load.
  const nav = step.assertedEvents?.find((e) => e.type === 'navigation');
  if (nav?.url && step.type !== 'navigate') {
    const url = nav.url;
    await Promise.race([
      page.waitForURL(url, { timeout: Math.max(timeout, 30_000) }),
      ...session.context.pages().filter((p) => p !== page).map((p) => p.waitForURL(url, { timeout: Math.max(timeout, 30_000) })),
    ]).catch(() => {
      throw new StepError(`没有打开预期页面 / did not reach ${url}`);
    });
  }
  for (const p of session.context.pages()) await p.waitForLoadState('load', { timeout: 30_000 }).catch(() => {});
}

async function readJourneys(reader: Page): Promise<JourneyView[]> {
  return reader.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; journeys?: JourneyView[]; journey?: JourneyView | null; error?: string }> } } }).chrome.runtime;
    const list = await api.sendMessage({ type: 'journey/list' });
    if (!list.ok) throw new Error(list.error);
    const out: JourneyView[] = [];
    // Oldest first: the flow's first journey is the one it set out to record.
    for (const v of [...(list.journeys ?? [])].reverse()) {
      const g = await api.sendMessage({ type: 'journey/get', journeyId: v.journey.journeyId });
      if (g.journey) out.push(g.journey);
    }
    return out;
  });
}

/** The stored journey once its events have stopped arriving. */
async function settledJourney(reader: Page, quietMs = 1500, timeoutMs = 20_000): Promise<JourneyView | undefined> {
  const start = Date.now();
  let last = '';
  let since = Date.now();
  let view: JourneyView | undefined;
  while (Date.now() - start < timeoutMs) {
    view = (await readJourneys(reader))[0];
    const sig = view ? `${view.steps?.length}:${view.status}` : '';
    if (sig !== last) {
      last = sig;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return view;
}

/** Replays one flow in a fresh browser profile. A step that fails stops this flow only. */
export async function replayFlow(executablePath: string, file: string, flow: UserFlow): Promise<FlowReport> {
  const report: FlowReport = { flow: flow.title, file, journey: null, audits: [] };
  const session = await launch(executablePath);
  try {
    const reader = await session.context.newPage();
    await reader.goto(`chrome-extension://${session.extensionId}/journey.html`);
    const tabs: Tabs = { main: await session.context.newPage(), reader, byTarget: new Map() };
    const timeout = flow.timeout ?? DEFAULT_TIMEOUT;
    for (const [i, step] of flow.steps.entries()) {
      try {
        await runStep(session, tabs, step, step.timeout ?? timeout);
      } catch (e) {
        const why = e instanceof StepError ? e.message : (e as Error).message.split('\n')[0]!.slice(0, 300);
        report.error = `${stepName(step, i)} 无法回放 / cannot be replayed: ${why}`;
        break;
      }
    }
    const view = await settledJourney(reader);
    if (view) report.journey = journeyJson(view);
    // The guide pages the flow passed: the journey's guide (else the pages it navigated to).
    const guides = view ? [view.journey.guide.url] : flow.steps.flatMap((s) => (s.type === 'navigate' ? [s.url] : []));
    report.audits = guides.length ? await auditUrls(session, [...new Set(guides)].slice(0, 20)) : [];
  } finally {
    await session.close();
  }
  return report;
}

/** Runs every flow file; returns the process exit code (1 when a flow could not be replayed). */
export async function runFlows(executablePath: string, files: string[], o: { format: 'table' | 'json' | 'csv'; out?: string }): Promise<number> {
  const reports: FlowReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      reports.push({ flow: path.basename(file), file, journey: null, audits: [], error: `无法读取流程文件 / cannot read: ${(e as Error).message}` });
      continue;
    }
    const parsed = parseFlow(text);
    if (!parsed.flow) {
      reports.push({ flow: path.basename(file), file, journey: null, audits: [], error: parsed.error });
      continue;
    }
    const r = await replayFlow(executablePath, file, parsed.flow).catch((e: unknown): FlowReport => ({ flow: parsed.flow!.title, file, journey: null, audits: [], error: `回放失败 / replay failed: ${(e as Error).message}` }));
    if (r.error) console.error(`✘ ${terminalText(r.flow)}: ${terminalText(r.error)}`);
    reports.push(r);
  }
  const text = o.format === 'json' ? flowsToJson(reports) : o.format === 'csv' ? flowsToCsv(reports) : flowsToTable(reports);
  const failed = reports.some((r) => r.error || r.audits.some((a: PageReport) => 'error' in a));
  if (writeReport(text, o.out)) return 1;
  return failed ? 1 : 0;
}
