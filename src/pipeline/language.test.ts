import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { InputError } from '../model/index.js';

const GERMAN =
  'Bundeskanzler Olaf Scholz hat am Mittwoch in Berlin mit dem französischen Präsidenten Emmanuel Macron über die Lage in der Ukraine gesprochen. „Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen.';
const ENGLISH =
  'Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Wednesday to discuss the war in Ukraine. "We stand firmly by Ukraine," Scholz said after the meeting.';

describe('articles not in English', () => {
  it('are kept with their sentences but not run through the English models, with a warning', () => {
    const a = analyze(GERMAN, { published: '2024-05-08' });
    expect(a.meta).toMatchObject({ language: 'de', languageFrom: 'detected' });
    expect(a.sentences.length).toBeGreaterThan(0);
    expect([a.mentions, a.actors, a.attributions, a.events, a.times]).toEqual([[], [], [], [], []]);
    expect(a.messages).toEqual([
      expect.objectContaining({
        severity: 'warning',
        origin: 'pipeline:language',
        reason: expect.stringContaining('German (de)'),
      }),
    ]);
  });

  it('follow the caller’s language when given, and English text is analysed as before', () => {
    expect(analyze(GERMAN, { language: 'en' }).mentions.length).toBeGreaterThan(0);
    const en = analyze(ENGLISH, { published: '2024-05-08' });
    expect(en.meta.language).toBe('en');
    expect(en.attributions.length).toBeGreaterThan(0);
    expect(en.messages.filter((m) => m.origin === 'pipeline:language')).toEqual([]);
  });
});

describe('publication dates given to analyze', () => {
  it('refuses impossible dates with the reason, and takes null as unknown', () => {
    expect(() => analyze(ENGLISH, { published: '2025-02-30' })).toThrow(InputError);
    expect(() => analyze(ENGLISH, { published: '2025-13-45' })).toThrow(/month 13/);
    expect(() => analyze(ENGLISH, { published: '0000-00-00' })).toThrow(/not a date/);
    const unknown = analyze(ENGLISH, { published: null });
    expect(unknown.meta.published).toBeUndefined();
    expect(unknown.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ origin: 'time:no-publication-date', severity: 'warning' }),
      ]),
    );
  });
});

describe('articles without a publication date', () => {
  it('mark knowledge-base roles as unanchored, and dated articles do not', () => {
    const text = 'NATO Secretary General Mark Rutte met Ukrainian President Volodymyr Zelenskyy in Kyiv.';
    const roles = (a: ReturnType<typeof analyze>) =>
      a.actors.flatMap((x) => x.roles).filter((r) => r.source === 'kb');
    const undated = roles(analyze(text));
    expect(undated.length).toBeGreaterThan(0);
    for (const r of undated) expect(r.unanchored).toBe(true);
    for (const r of roles(analyze(text, { published: '2025-04-20' }))) expect(r.unanchored).toBeUndefined();
  });
});
