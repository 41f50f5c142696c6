import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { CANONICAL_NAMES, extraMatches, formFromSettings, settingsFromForm, type FormErrors, type FormMessage, type Settings } from '@/lib/settings';

export interface SettingsFormProps {
  initial: Settings;
  /** Ask for host access to the added portals; called inside the click, as browsers require. */
  requestHosts: (matches: string[]) => Promise<boolean>;
  save: (s: Settings) => Promise<void>;
}

const say = (m: FormMessage) => t(m.key, ...m.subs);

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
      setStatus(t('setNotSaved'));
      return;
    }
    const extra = extraMatches(settings.portalHosts);
    // The permission prompt must come straight from the click, before any other await.
    const granted = extra.length ? await requestHosts(extra).catch(() => false) : true;
    try {
      await save(settings);
      setStatus(t(granted ? 'setSaved' : 'setSavedNoGrant'));
    } catch (err) {
      setStatus(t('setSaveFailed', String(err)));
    }
  };

  return (
    // noValidate: our own messages explain bad input, not the browser's bubble.
    <form onSubmit={onSubmit} data-testid="settings" noValidate>
      <label>
        <b>{t('setHostsLabel')}</b> — {t('setHostsHint')}
        <textarea name="hosts" rows={5} value={hosts} onInput={(e) => setHosts((e.target as HTMLTextAreaElement).value)} />
      </label>
      <p class="note" data-testid="loopback-note">{t('setLoopbackNote')}</p>
      {errors.hosts.map((m) => <p class="error" key={say(m)}>{say(m)}</p>)}
      <label>
        <b>{t('setLabelsLabel')}</b> — {t('setLabelsHint')}
        <textarea name="labels" rows={4} value={labels} onInput={(e) => setLabels((e.target as HTMLTextAreaElement).value)} />
      </label>
      <details data-testid="canonical-names">
        <summary>{t('setCanonicalNames')}</summary>
        {/* the names themselves are what the reviewer types before the colon: Chinese in every UI language */}
        <p>{CANONICAL_NAMES.join(t('listSeparator'))}</p>
      </details>
      {errors.labels.map((m) => <p class="error" key={say(m)}>{say(m)}</p>)}
      <label>
        <b>{t('setCutLabel')}</b>
        <input name="cut" type="text" inputMode="decimal" value={cut} aria-invalid={errors.cutTarget ? 'true' : undefined} onInput={(e) => setCut((e.target as HTMLInputElement).value)} />
      </label>
      {errors.cutTarget && <p class="error">{say(errors.cutTarget)}</p>}
      <p>
        <button type="submit">{t('save')}</button> <span role="status" data-testid="status">{status}</span>
      </p>
    </form>
  );
}
