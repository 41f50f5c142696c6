/**
 * The page's open shadow roots (web components, micro-frontends), nested ones included. The
 * walk reads them as part of the page; the auditor observes them, since a MutationObserver on
 * the document does not see inside them. Closed roots are the page's own business (and ours).
 */
export function openShadowRoots(doc: Document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const scopes: (Document | ShadowRoot)[] = [doc];
  while (scopes.length) {
    const scope = scopes.pop()!;
    const start = scope.nodeType === 9 ? (scope as Document).documentElement : scope;
    if (!start) continue;
    const walker = doc.createTreeWalker(start, 1);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      const root = (n as Element).shadowRoot;
      if (root) {
        found.push(root);
        scopes.push(root);
      }
    }
  }
  return found;
}
