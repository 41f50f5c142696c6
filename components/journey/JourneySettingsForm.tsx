import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { journeyFormFrom, journeySettingsFromForm, type JourneyForm, type JourneyFormErrors, type JourneySettings } from '@/lib/journey/settings';

/** The journey settings: click budget, and the words and URL patterns of entries, login, submission and generic pages. */
const FIELDS: { key: keyof JourneyForm; label: MessageKey; hint: MessageKey }[] = [
  { key: 'entryWords', label: 'jsEntryWords', hint: 'jsEntryWordsHint' },
  { key: 'loginWords', label: 'jsLoginWords', hint: 'jsLoginWordsHint' },
  { key: 'loginUrls', label: 'jsLoginUrls', hint: 'jsLoginUrlsHint' },
  { key: 'submitWords', label: 'jsSubmitWords', hint: 'jsSubmitWordsHint' },
  { key: 'submitUrls', label: 'jsSubmitUrls', hint: 'jsSubmitUrlsHint' },
  { key: 'genericUrls', label: 'jsGenericUrls', hint: 'jsGenericUrlsHint' },
];

export function JourneySettingsForm({ load, save }: { load: () => Promise<JourneySettings>; save: (s: JourneySettings) => Promise<void> }) {
  const [form, setForm] = useState<JourneyForm>();
  const [errors, setErrors] = useState<JourneyFormErrors>({});
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
    setSaved(t('jsSaved'));
  };
  return (
    <form class="journey-settings" onSubmit={(e) => void submit(e)}>
      <label>{t('jsBudget')} <input type="number" min={1} max={50} value={form.clickBudget} onInput={set('clickBudget')} data-testid="budget" /></label>
      {errors.clickBudget && <p role="alert">{t(errors.clickBudget.key, ...errors.clickBudget.subs)}</p>}
      {FIELDS.map((f) => (
        <label key={f.key}>
          {t(f.label)}<span class="why"> {t(f.hint)}</span>
          <textarea rows={3} value={form[f.key]} onInput={set(f.key)} />
          {errors[f.key] && <p role="alert">{t(errors[f.key]!.key, ...errors[f.key]!.subs)}</p>}
        </label>
      ))}
      <button type="submit">{t('save')}</button> <span>{saved}</span>
    </form>
  );
}
