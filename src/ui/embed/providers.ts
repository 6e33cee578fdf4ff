/**
 * What `<consent-embed>` knows of particular providers: YouTube (a player built from a
 * video id) and X/Twitter (a post that stays readable as a blockquote until consent,
 * then rendered by X's widget script). Nothing here runs before the service is allowed.
 */

/** YouTube's reduced-data domain: it still receives the IP address; it does not replace consent. */
const YOUTUBE_EMBED = 'https://www.youtube-nocookie.com/embed/';
const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

export const isYouTubeId = (id: string): boolean => YOUTUBE_ID.test(id);

/** A player frame for a YouTube video, titled for screen readers. */
export function youtubePlayer(id: string, title: string): HTMLIFrameElement {
  return Object.assign(document.createElement('iframe'), {
    src: YOUTUBE_EMBED + id,
    title,
    allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
    allowFullscreen: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
}

export const X_WIDGETS = 'https://platform.twitter.com/widgets.js';

/** An X post among the element's children, marked "do not track" (no personalisation from the visit). */
export function xPost(element: Element): HTMLElement | null {
  const post = element.querySelector<HTMLElement>(':scope > blockquote.twitter-tweet');
  post?.setAttribute('data-dnt', 'true');
  return post;
}

/** Renders the posts in `element` with X's library if it is already on the page; false when it still has to load. */
export function renderXPosts(element: Element): boolean {
  const widgets = (window as { twttr?: { widgets?: { load(element: Element): void } } }).twttr?.widgets;
  widgets?.load(element);
  return Boolean(widgets);
}
