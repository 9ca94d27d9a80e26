import { afterEach, beforeEach } from 'vitest';
import { forgetPlaces } from '../../renderer/src/screens/register/scroll-memory.ts';

/**
 * jsdom lays nothing out, so the virtualised register list would see a scroll area 0 pixels
 * high and render no row. As @tanstack/react-virtual's own tests do, give the scroll area a
 * height (it is the element holding the table with aria-rowcount), a scroll height (the
 * header row and the rows' body, whose height the table sets) and make scrollTo move it.
 */
const isScroller = (element: Element) => element.firstElementChild?.hasAttribute('aria-rowcount') ?? false;

export function withListLayout(height = 400, headerHeight = 40): void {
  beforeEach(() => {
    forgetPlaces();
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isScroller(this) ? height : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (!isScroller(this)) return 0;
        const body = this.querySelector<HTMLElement>('tbody');
        return Math.max(height, headerHeight + parseFloat(body?.style.height ?? '0'));
      },
    });
    HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
      if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
      this.dispatchEvent(new Event('scroll'));
    } as HTMLElement['scrollTo'];
  });
  afterEach(() => {
    // Back to jsdom's own (on Element.prototype).
    for (const name of ['clientHeight', 'scrollHeight', 'scrollTo'])
      Reflect.deleteProperty(HTMLElement.prototype, name);
  });
}
