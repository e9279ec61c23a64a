/** A console navigation item: where it goes, and whether only that exact path counts as inside it. */
export type ConsoleSection = { to: string; end?: boolean };

const within = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/**
 * The one section the current path belongs to. Some sections live under another's path
 * (メールマガジン at /admin/news/newsletters under お知らせ at /admin/news), so a plain prefix match
 * would mark both; the longest matching path wins instead.
 */
export function currentSection<T extends ConsoleSection>(pathname: string, sections: T[]): T | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let best: T | undefined;
  for (const section of sections) {
    const matches = section.end ? path === section.to : within(path, section.to);
    if (matches && (!best || section.to.length > best.to.length)) best = section;
  }
  return best;
}
