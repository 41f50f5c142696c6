/**
 * What a frame tells the background. The top page always reports (a non-guide snapshot says
 * "this page is not a guide"); a frame inside it reports only a guide, and once after it stops
 * being one, so the many frames that are not guides (ads, maps, login widgets) stay silent and
 * never replace the guide another frame found.
 */
export function frameReporter<S>(isTop: boolean, send: (snapshot: S, isGuide: boolean) => void): (snapshot: S, isGuide: boolean) => void {
  let reportedGuide = false;
  return (snapshot, isGuide) => {
    if (!isTop && !isGuide && !reportedGuide) return;
    reportedGuide = isGuide;
    send(snapshot, isGuide);
  };
}

/** One id per content-script run: the background asks for it to tell a pushState from a new document. */
export const newDocId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
