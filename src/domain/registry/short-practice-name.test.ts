import { describe, expect, it } from 'vitest';
import { shortPracticeName } from './short-practice-name.js';

describe('shortPracticeName', () => {
  it.each([
    ['Kibworth Medical Centre', 'Kibworth'],
    ['Countesthorpe Health Centre', 'Countesthorpe'],
    ['Oakham Medical Practice', 'Oakham'],
    ['Bushloe Surgery', 'Bushloe'],
    ['The Central Surgery', 'Central'],
    ['Wigston Central Surgery', 'Wigston Central'],
    ['The County Practice', 'County'],
    ['The Masharani Practice, Lutterworth Health Centre', 'Masharani'],
    ['The Market Overton Surgery / Somerby', 'Market Overton'],
    ['Latham House Medical Practice', 'Latham House'],
    ['KIBWORTH MEDICAL CENTRE', 'KIBWORTH'],
    ['Abbey Group Practice', 'Abbey'],
    // Nothing but the kind of place: kept whole, so it still names something.
    ['The Surgery', 'The Surgery'],
    ['Medical Centre', 'Medical Centre'],
    ['  Severn Surgery ', 'Severn'],
  ])('%j → %j', (name, short) => {
    expect(shortPracticeName(name)).toBe(short);
  });
});
