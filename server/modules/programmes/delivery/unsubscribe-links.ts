/**
 * Where a programme mail's stop links point: the page a person opens from the mail's text (it asks once,
 * then stops), and the RFC 8058 one-click address mail apps post to from the List-Unsubscribe header.
 * The token is the whole proof, so both work without signing in.
 */
export function unsubscribeUrls(publicUrl: string, slug: string) {
  return {
    pagePrefix: `${publicUrl}/stop/${encodeURIComponent(slug)}#token=`,
    oneClickPrefix: `${publicUrl}/api/v1/programmes/unsubscribe/one-click?slug=${encodeURIComponent(slug)}&token=`,
  };
}
