import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReader, readResults } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import { useLocale } from './panel-support';
import { expect, test } from './support';

// A guide whose portal writes 法定审批期限 for 法定办结时限: unknown until the user adds the synonym.
const PAGE = `<!doctype html><meta charset="utf-8"><title>个体工商户设立登记</title><table>
<tr><th>事项名称</th><td>个体工商户设立登记</td></tr><tr><th>事项类型</th><td>行政许可</td></tr>
<tr><th>法定审批期限</th><td>15个工作日</td></tr><tr><th>承诺办结时限</th><td>3个工作日</td></tr>
<tr><th>设定依据</th><td>《促进个体工商户发展条例》第八条</td></tr></table>`;

test('settings: an added label synonym is used, and a portal list without this host stops the audit', async ({ session }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-'));
  fs.writeFileSync(path.join(dir, 'guide.html'), PAGE);
  const site = await serveFolder(dir);
  try {
    const reader = await openReader(session);
    const resultFor = async (url: string) => (await readResults(session, reader)).find((e) => e.result.url === url)?.result;

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await useLocale(options, 'zh_CN');
    await options.locator('[name=labels]').fill('法定办结时限：法定审批期限');
    await options.getByRole('button', { name: /保存/ }).click();
    await expect(options.getByTestId('status')).toContainText('已保存');

    const page = await session.context.newPage();
    await page.goto(`${site.origin}/guide.html`);
    await expect.poll(async () => (await resultFor(page.url()))?.outcomes.find((o) => o.indicator === 'E1-1')?.status).toBe('pass');

    await options.locator('[name=hosts]').fill('*.gov.cn');
    await options.getByRole('button', { name: /保存/ }).click();
    await expect(options.getByTestId('status')).toContainText('已保存');
    const other = await session.context.newPage();
    await other.goto(`${site.origin}/guide.html?again`);
    await other.waitForTimeout(1500);
    expect(await resultFor(other.url())).toBeUndefined();
  } finally {
    await site.close();
  }
});
