import { render } from 'preact';
import { PanelApp } from '@/components/PanelApp';
import { initI18n, t } from '@/lib/i18n';

await initI18n().catch(() => {}); // the browser's language stays
document.title = t('appTitle');
document.documentElement.lang = t('lang') === 'en' ? 'en' : 'zh-CN';
render(<PanelApp />, document.getElementById('app')!);
