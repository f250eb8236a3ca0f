import { describe, expect, it } from 'vitest';
import { fullerName, namedOutletKeys, outletKey, sameOutlet } from './names.js';

describe('outlet names', () => {
  it('keys an outlet however an article spells it', () => {
    for (const name of ['the Continental Wire', 'Continental Wire', 'CONTINENTAL WIRE', 'Continental Wire’s'])
      expect(outletKey(name)).toBe('continental wire');
    expect(outletKey('www.cnn.com')).toBe('cnn');
    expect(outletKey('Caliber.Az')).toBe('caliber.az');
  });

  it('tells an outlet crediting itself from a relay', () => {
    const same = (a: string, b: string) => sameOutlet(outletKey(a), outletKey(b));
    expect(same('Lindholm Gazette', 'the Gazette')).toBe(true);
    expect(same('nbcnews.com', 'NBC News')).toBe(true);
    expect(same('Huff Post', 'The Huffington Post')).toBe(true);
    expect(same('NYT', 'The New York Times')).toBe(true);
    expect(same('New York Times', 'New York Post')).toBe(false);
    expect(same('Fox News', 'Fox Business')).toBe(false);
    expect(same('Dorn Herald', 'Continental Wire')).toBe(false);
    expect(same('AP', 'Associated Press')).toBe(false);
  });

  it('keys a short name as the one fuller name its article gives, and only then', () => {
    expect(fullerName('gazette', ['continental wire', 'lindholm gazette'])).toBe('lindholm gazette');
    expect(fullerName('post', ['dorn post', 'valmora post'])).toBe('post');
    expect(fullerName('post', ['continental wire'])).toBe('post');
    expect(fullerName('lindholm gazette', ['lindholm gazette'])).toBe('lindholm gazette');
    const named = namedOutletKeys([
      'the Lindholm Gazette',
      'a reporter for Continental Wire',
      'Continental Wire',
    ]);
    expect(named).toEqual(['lindholm gazette', 'continental wire']);
    expect(fullerName('wire', named)).toBe('continental wire');
    expect(fullerName('continental wire', named)).toBe('continental wire');
  });
});
