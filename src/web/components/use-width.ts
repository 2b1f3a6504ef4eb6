import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * The width a drawing has to work with: its box's width, between `min` and `max`. A chart laid out
 * at this width is drawn one to one, so its 12px labels stay 12px on a phone instead of shrinking
 * with a wide drawing squeezed to fit.
 */
export function useWidth<E extends HTMLElement>(max: number, min = 320): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(max);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.max(min, Math.min(max, Math.floor(element.clientWidth))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [max, min]);
  return [ref, width];
}
