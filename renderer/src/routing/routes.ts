import { useEffect, useState } from 'react';

/** The screens, addressed by the URL fragment so that back/forward and deep links work. */
export type Route =
  | { screen: 'register'; query: URLSearchParams }
  | { screen: 'request'; id: number }
  | { screen: 'new' }
  | { screen: 'import' }
  | { screen: 'directories' }
  | { screen: 'settings' }
  | { screen: 'statistics' }
  | { screen: 'today' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const request = /^\/requests\/(\d+)$/.exec(path);
  if (request?.[1]) return { screen: 'request', id: Number(request[1]) };
  if (path === '/new') return { screen: 'new' };
  if (path === '/import') return { screen: 'import' };
  if (path === '/directories') return { screen: 'directories' };
  if (path === '/settings') return { screen: 'settings' };
  if (path === '/statistics') return { screen: 'statistics' };
  // The Today dashboard is the home screen.
  if (path === '' || path === '/' || path === '/today') return { screen: 'today' };
  return { screen: 'register', query: new URLSearchParams(search) };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'request':
      return `#/requests/${route.id}`;
    case 'new':
      return '#/new';
    case 'import':
      return '#/import';
    case 'directories':
      return '#/directories';
    case 'settings':
      return '#/settings';
    case 'statistics':
      return '#/statistics';
    case 'today':
      return '#/today';
    case 'register': {
      const q = route.query.toString();
      return q ? `#/register?${q}` : '#/register';
    }
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (options.replace) {
    history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
