import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Scrolls to the element the address's #fragment names once the page has drawn it (`ready`): a
 * link such as /schemes/3#return, followed inside the app, lands on that section even though the
 * section appears only after the page's data has loaded.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [ready, hash, key]);
}
