import { useState } from 'preact/hooks';
import { extraMatches, formFromSettings, settingsFromForm, type FormErrors, type Settings } from '@/lib/settings';

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
    <form onSubmit={onSubmit} data-testid="settings">
      <label>
        <b>门户网站</b> Portal hosts — 每行一个，如 <code>*.gov.cn</code>、<code>zwfw.example.com</code>
        <textarea name="hosts" rows={5} value={hosts} onInput={(e) => setHosts((e.target as HTMLTextAreaElement).value)} />
      </label>
      {errors.hosts.map((m) => <p class="error" key={m}>{m}</p>)}
      <label>
        <b>标签同义词</b> Extra label synonyms — 每行“标准要素名：同义词、同义词”，如 <code>法定办结时限：法定审批期限</code>
        <textarea name="labels" rows={4} value={labels} onInput={(e) => setLabels((e.target as HTMLTextAreaElement).value)} />
      </label>
      {errors.labels.map((m) => <p class="error" key={m}>{m}</p>)}
      <label>
        <b>减时间达标线（%）</b> A4-1 time-cut target
        <input name="cut" type="number" min={0} max={100} value={cut} onInput={(e) => setCut((e.target as HTMLInputElement).value)} />
      </label>
      {errors.cutTarget && <p class="error">{errors.cutTarget}</p>}
      <p>
        <button type="submit">保存 Save</button> <span role="status" data-testid="status">{status}</span>
      </p>
    </form>
  );
}
