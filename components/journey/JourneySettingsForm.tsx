import { useEffect, useState } from 'preact/hooks';
import { journeyFormFrom, journeySettingsFromForm, type JourneyForm, type JourneySettings } from '@/lib/journey/settings';

/** The journey settings: click budget, and the words and URL patterns of entries, login, submission and generic pages. */
const FIELDS: { key: keyof JourneyForm; label: string; hint: string }[] = [
  { key: 'entryWords', label: '网上办理入口用词 Online-entry words', hint: '点击带这些字的链接或按钮即开始记录，如：在线办理' },
  { key: 'loginWords', label: '登录/身份认证页用词 Login words', hint: '标题含这些字，或有密码框且标题/按钮含这些字的页面，如：统一身份认证' },
  { key: 'loginUrls', label: '登录页网址 Login URLs', hint: '网址片段，或 re: 加正则表达式，如：tyrz、re:^https://sso\\.' },
  { key: 'submitWords', label: '提交按钮用词 Submit words', hint: '申请表的提交按钮，如：提交、申报、下一步' },
  { key: 'submitUrls', label: '在线申报页网址 Submission URLs', hint: '打开即算到达提交页的网址片段' },
  { key: 'genericUrls', label: '搜索页等通用页面网址 Generic-page URLs', hint: '网办入口不应打开的页面（门户首页另行识别）' },
];

export function JourneySettingsForm({ load, save }: { load: () => Promise<JourneySettings>; save: (s: JourneySettings) => Promise<void> }) {
  const [form, setForm] = useState<JourneyForm>();
  const [errors, setErrors] = useState<Partial<Record<keyof JourneyForm, string>>>({});
  const [saved, setSaved] = useState('');
  useEffect(() => void load().then((s) => setForm(journeyFormFrom(s))), []);
  if (!form) return null;
  const set = (key: keyof JourneyForm) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = journeySettingsFromForm(form);
    setErrors(r.errors);
    if (!r.settings) return setSaved('');
    await save(r.settings);
    setSaved('已保存 Saved');
  };
  return (
    <form class="journey-settings" onSubmit={(e) => void submit(e)}>
      <label>点击预算（A3-2 通过线）Click budget <input type="number" min={1} max={50} value={form.clickBudget} onInput={set('clickBudget')} data-testid="budget" /></label>
      {errors.clickBudget && <p role="alert">{errors.clickBudget}</p>}
      {FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}<span class="why"> {f.hint}</span>
          <textarea rows={3} value={form[f.key]} onInput={set(f.key)} />
          {errors[f.key] && <p role="alert">{errors[f.key]}</p>}
        </label>
      ))}
      <button type="submit">保存 Save</button> <span>{saved}</span>
    </form>
  );
}
