import { describe, expect, it } from 'vitest';
import {
  canonicalizeUrl,
  contentHash,
  estimateSimilarity,
  lshBandKeys,
  LSH_BANDS,
  minhashSignature,
  MINHASH_SIZE,
  NEAR_DUPLICATE_THRESHOLD,
} from './dedup.js';

describe('canonicalizeUrl', () => {
  it.each([
    [
      'HTTPS://WWW.Example.COM:443/News/Story/?utm_source=tw&utm_medium=social&id=7#comments',
      'https://example.com/News/Story?id=7',
    ],
    ['https://example.com/a?fbclid=xyz&b=2&a=1&gclid=q', 'https://example.com/a?a=1&b=2'],
    ['https://amp.example.com/world/story.amp', 'https://example.com/world/story'],
    ['https://example.com/amp/world/story/', 'https://example.com/world/story'],
    ['https://example.com/world/story/amp', 'https://example.com/world/story'],
    ['https://example.com/world/story.amp.html', 'https://example.com/world/story.html'],
    ['https://example.com/world/story?outputType=amp', 'https://example.com/world/story'],
    ['https://www.google.com/amp/s/www.example.com/world/story', 'https://example.com/world/story'],
    [
      'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/story',
      'https://example.com/world/story',
    ],
    ['http://example.com/', 'http://example.com/'],
    ['https://example.com/?p=123', 'https://example.com/?p=123'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('maps variants of one article to one key', () => {
    const variants = [
      'https://www.example.com/x/y',
      'https://example.com/x/y/',
      'https://example.com/x/y?utm_campaign=z',
      'https://amp.example.com/x/y/amp',
    ];
    expect(new Set(variants.map(canonicalizeUrl)).size).toBe(1);
  });

  it('refuses non-URLs clearly', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(/not a valid URL/);
  });
});

describe('contentHash', () => {
  it('ignores whitespace, quote style and case, but not words', () => {
    const a = contentHash('He said “yes”  to the\nplan.');
    expect(contentHash('he said "yes" to the plan.')).toBe(a);
    expect(contentHash('He said "no" to the plan.')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

// A wire story, a regional paper's reprint of it (new headline, a local line, a trimmed ending),
// and a different story on a related topic.
const WIRE = `GENEVA (Wire) — Negotiators from twelve countries agreed on Friday to extend a ceasefire along the disputed border for another ninety days, according to a statement released by the mediators after three days of closed talks.
The agreement allows humanitarian convoys to reach four towns that have been cut off since the summer, and sets up a joint commission to investigate violations reported by both sides.
"This is not peace, but it is the first step that both governments have taken together in two years," the chief mediator told reporters outside the conference hall.
The talks had nearly collapsed on Thursday evening when one delegation walked out over the wording of a clause on prisoner exchanges. Diplomats said a compromise was reached overnight after calls between the two foreign ministers.
Aid agencies welcomed the extension but warned that supplies in the besieged towns would last only a few weeks without regular access. The United Nations said it was ready to send the first convoy on Monday.
Both governments are expected to present the agreement to their parliaments next week. Opposition parties in both capitals have criticised the talks, saying they reward armed groups that seized territory last year.`;

const REPRINT = `Border truce extended for 90 days
GENEVA (Wire) — Negotiators from twelve countries agreed on Friday to extend a ceasefire along the disputed border for another ninety days, according to a statement released by the mediators after three days of closed talks.
The agreement allows humanitarian convoys to reach four towns that have been cut off since the summer, and sets up a joint commission to investigate violations reported by both sides.
"This is not peace, but it is the first step that both governments have taken together in two years," the chief mediator told reporters outside the conference hall.
The talks had nearly collapsed on Thursday evening when one delegation walked out over the wording of a clause on prisoner exchanges. Diplomats said a compromise was reached overnight after calls between the two foreign ministers.
Local relief groups in our region said they were preparing donations for the convoys.
Aid agencies welcomed the extension but warned that supplies in the besieged towns would last only a few weeks without regular access. The United Nations said it was ready to send the first convoy on Monday.`;

const OTHER = `GENEVA (Wire) — Talks on a new trade agreement between the two neighbouring countries broke down on Friday after negotiators failed to agree on tariffs for agricultural goods, officials said.
The ministers of trade met for five hours but left without a joint statement. One official said the gap between the offers was "wider than at any time since the talks began".
Farmers' unions on both sides of the border had demanded protection for grain and dairy producers, and threatened protests if quotas were lifted.
Business groups urged the governments to return to the table before the end of the year, when the current arrangement expires and customs duties would rise automatically.`;

describe('MinHash near-duplicate detection', () => {
  const wire = minhashSignature(WIRE);
  const reprint = minhashSignature(REPRINT);
  const other = minhashSignature(OTHER);

  it('gives 128-value signatures, deterministic across calls', () => {
    expect(wire).toHaveLength(MINHASH_SIZE);
    expect(minhashSignature(WIRE)).toEqual(wire);
    expect(lshBandKeys(wire)).toHaveLength(LSH_BANDS);
  });

  it('keeps the signatures and band keys that stores already hold (pinned values)', () => {
    const s = minhashSignature(
      'The minister said on Tuesday that the talks would resume next week in Geneva.',
    );
    expect([...s.slice(0, 4)]).toEqual([318881837, 1384785971, 490755943, 128345131]);
    expect(lshBandKeys(s).slice(0, 2)).toEqual([
      '0:1301c02d528a28331d40576707a6642b',
      '1:0535cded3fedeedc007bf2e300c67a71',
    ]);
  });

  it('finds a wire story with a few edits near, and shares LSH bands with it', () => {
    const sim = estimateSimilarity(wire, reprint);
    expect(sim).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    const shared = lshBandKeys(wire).filter((k) => lshBandKeys(reprint).includes(k));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('finds a different story on a related topic far, with no shared band', () => {
    expect(estimateSimilarity(wire, other)).toBeLessThan(0.1);
    const shared = lshBandKeys(wire).filter((k) => lshBandKeys(other).includes(k));
    expect(shared).toEqual([]);
  });

  it('estimates Jaccard similarity closely on a controlled pair', () => {
    // 200 distinct words; the second text replaces the last 40, so exact 5-shingle Jaccard is 156/236.
    const words = Array.from({ length: 240 }, (_, i) => `w${i}`);
    const a = words.slice(0, 200).join(' ');
    const b = [...words.slice(0, 160), ...words.slice(200, 240)].join(' ');
    const exact = 156 / (196 + 196 - 156);
    expect(Math.abs(estimateSimilarity(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(0.12);
  });

  it('handles empty and tiny texts without failing', () => {
    expect(estimateSimilarity(minhashSignature(''), minhashSignature(''))).toBe(1);
    expect(estimateSimilarity(minhashSignature('two words'), minhashSignature('other words'))).toBeLessThan(
      0.2,
    );
    expect(() => estimateSimilarity(new Uint32Array(3), wire)).toThrow(/differ in length/);
  });
});
