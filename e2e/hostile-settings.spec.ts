import { expect, test } from './support';

// What a new user types into the options page, in the shipped build: our own messages, never the
// browser's validation bubble, and nothing saved that the user did not mean.
test('options: an empty or non-numeric A4-1 target is explained and not saved; a pasted address keeps its host', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  // This Chromium's UI language is en-US: the page speaks English until the reviewer picks Chinese.
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(options.getByRole('button', { name: 'Save' })).toBeVisible();
  // The reviewer picks Chinese on the options page itself (kept for every extension page; the page reloads).
  await options.getByLabel('Language').selectOption('zh_CN');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('设置');
  expect(await options.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('uiLocale')).uiLocale)).toBe('zh_CN');
  expect(await options.title()).toBe('办事指南审核助手 · 设置');
  const status = options.getByTestId('status');
  for (const bad of ['', 'abc']) {
    await options.locator('[name=cut]').fill(bad);
    await options.getByRole('button', { name: /保存/ }).click();
    await expect(status).toContainText('未保存');
    await expect(options.locator('.error')).toContainText('0到100');
    // A native bubble would leave the form invalid and unsubmitted; ours is the page's own text.
    expect(await options.locator('form').evaluate((f: HTMLFormElement) => f.noValidate)).toBe(true);
  }
  const stored = async () => options.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings);
  expect(await stored()).toBeUndefined();

  await expect(options.getByTestId('loopback-note')).toContainText('localhost');
  await options.getByTestId('canonical-names').locator('summary').click();
  await expect(options.getByTestId('canonical-names')).toContainText('法定办结时限');

  await options.locator('[name=cut]').fill('65');
  await options.locator('[name=hosts]').fill('*.gov.cn\nhttps://127.0.0.1/some/guide.html');
  await options.getByRole('button', { name: /保存/ }).click();
  await expect(status).toContainText('已保存');
  expect(await stored()).toMatchObject({ portalHosts: ['*.gov.cn', '127.0.0.1'], cutTarget: 0.65 });
});
