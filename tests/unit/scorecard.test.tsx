import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Scorecard } from '@/components/Scorecard';
import { auditHtml, guide } from '../helpers';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

describe('Scorecard', () => {
  it('lists every indicator with its Chinese name, status and what is missing', () => {
    const root = mount(<Scorecard result={auditHtml(guide({ 办理地点: '灵山县三海街道江南路5号县政务服务中心' }))} />);
    expect(root.querySelectorAll('tr[data-indicator]')).toHaveLength(18);
    const e13 = root.querySelector('tr[data-indicator="E1-3"]')!;
    expect(e13.textContent).toContain('办理地点');
    expect(e13.textContent).toContain('不完整');
    expect(e13.textContent).toContain('缺少：房间号、窗口号');
    expect(e13.textContent).toContain('partial; missing: room, window');
  });

  it('shows hostile page text as text, never as markup', () => {
    const root = mount(<Scorecard result={auditHtml(guide({ 事项名称: '&lt;img src=x onerror=alert(1)&gt;', 办理地点: '=HYPERLINK("http://x","y")' }))} />);
    expect(root.querySelector('[data-testid=item-name]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('tr[data-indicator="E1-3"]')!.textContent).toContain('=HYPERLINK("http://x","y")');
  });

  it('says plainly when the page is not a guide', () => {
    const root = mount(<Scorecard result={auditHtml('<h1>关于开展办事指南自查的通知</h1><p>各单位：……</p>')} />);
    expect(root.textContent).toContain('此页面不是办事指南');
    expect(root.querySelectorAll('tr')).toHaveLength(0);
  });
});
