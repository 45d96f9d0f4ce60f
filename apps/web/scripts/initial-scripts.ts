/** The JavaScript a first visit downloads before anything renders: the entry script and its modulepreloads. */
export function initialScripts(html: string): string[] {
  const entry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  return [...new Set([...entry, ...preloads])].filter((path): path is string => Boolean(path));
}
