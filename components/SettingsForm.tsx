import { useState } from 'preact/hooks';
import { CANONICAL_NAMES, extraMatches, formFromSettings, settingsFromForm, type FormErrors, type Settings } from '@/lib/settings';

export interface SettingsFormProps {
  initial: Settings;
  /** Ask for host access to the added portals; called inside the click, as browsers require. */
  requestHosts: (matches: string[]) => Promise<boolean>;
  save: (s: Settings) => Promise<void>;
}

/** Portal hosts, extra label synonyms and the A4-1 target. Bad input is explained and kept, never dropped. */
export function SettingsForm({ initial, requestHosts, save }: SettingsFormProps) {
  const start = formFromSettings(initial);
  const [hosts, setHosts] = useState(start.hosts);
  const [labels, setLabels] = useState(start.labels);
  const [cut, setCut] = useState(start.cutPercent);
  const [errors, setErrors] = useState<FormErrors>({ hosts: [], labels: [] });
  const [status, setStatus] = useState('');

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const { settings, errors: errs } = settingsFromForm(hosts, labels, cut);
    setErrors(errs);
    if (!settings) {
      setStatus('未保存：请先改正标红的内容。Not saved: fix the lines marked in red.');
      return;
    }
    const extra = extraMatches(settings.portalHosts);
    // The permission prompt must come straight from the click, before any other await.
    const granted = extra.length ? await requestHosts(extra).catch(() => false) : true;
    try {
      await save(settings);
      setStatus(granted ? '已保存。Saved.' : '已保存，但未获授权的网站不会被审核。Saved; hosts you did not allow will not be audited.');
    } catch (err) {
      setStatus(`保存失败（${String(err)}），您的输入仍在表单中。Could not save; your input is still here.`);
    }
  };

  return (
    // noValidate: our own Chinese/English messages explain bad input, not the browser's bubble.
    <form onSubmit={onSubmit} data-testid="settings" noValidate>
      <label>
        <b>门户网站</b> Portal hosts — 每行一个，如 <code>*.gov.cn</code>、<code>zwfw.example.com</code>（可直接粘贴网址，只保留域名 / a pasted address keeps its host）
        <textarea name="hosts" rows={5} value={hosts} onInput={(e) => setHosts((e.target as HTMLTextAreaElement).value)} />
      </label>
      <p class="note" data-testid="loopback-note">
        默认包含 <code>localhost</code>、<code>127.0.0.1</code>：供本机预览草稿指南和命令行使用；不需要可删除。
        The defaults include the loopback hosts for local previews and the command line; remove them if you do not need them.
      </p>
      {errors.hosts.map((m) => <p class="error" key={m}>{m}</p>)}
      <label>
        <b>标签同义词</b> Extra label synonyms — 每行“标准要素名：同义词、同义词”，如 <code>法定办结时限：法定审批期限</code>
        <textarea name="labels" rows={4} value={labels} onInput={(e) => setLabels((e.target as HTMLTextAreaElement).value)} />
      </label>
      <details data-testid="canonical-names">
        <summary>冒号前可用的标准要素名 Canonical element names</summary>
        <p>{CANONICAL_NAMES.join('、')}</p>
      </details>
      {errors.labels.map((m) => <p class="error" key={m}>{m}</p>)}
      <label>
        <b>减时间达标线（%）</b> A4-1 time-cut target
        <input name="cut" type="text" inputMode="decimal" value={cut} aria-invalid={errors.cutTarget ? 'true' : undefined} onInput={(e) => setCut((e.target as HTMLInputElement).value)} />
      </label>
      {errors.cutTarget && <p class="error">{errors.cutTarget}</p>}
      <p>
        <button type="submit">保存 Save</button> <span role="status" data-testid="status">{status}</span>
      </p>
    </form>
  );
}
