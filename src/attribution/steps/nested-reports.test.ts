import { describe, expect, it } from 'vitest';
import { AttributionSchema, type Attribution, type Doc } from '../../model/index.js';
import { findAttributions } from '../index.js';
import { contextOf } from './test-support.js';

/** Each attribution as "speaker | cue | content | within cue", speakers by actor name. */
function nestedOf(text: string): string[] {
  const { doc } = contextOf(text);
  const attributions = findAttributions(doc).attributions ?? [];
  const byId = new Map(attributions.map((a) => [a.id, a]));
  return attributions
    .filter((a) => a.within !== undefined)
    .map((a) =>
      [speaker(doc, a), a.cue?.text, a.content[0]?.text, byId.get(a.within ?? '')?.cue?.text].join(' | '),
    );
}

function speaker(doc: Doc, a: Attribution): string {
  return doc.actors.find((x) => x.id === a.source?.actor)?.name ?? `(${a.source?.text})`;
}

describe('nestedReports', () => {
  it('finds a report quoted inside another and credits its named speaker', () => {
    expect(nestedOf('“Captain Reyes replied that the bridge was closed,” Ana Ortiz testified.')).toEqual([
      'Reyes | replied | that the bridge was closed | testified',
    ]);
  });

  it('finds a report in indirect speech, past the person addressed', () => {
    expect(
      nestedOf('Ana Ortiz said Paul Meyer told the visiting engineers they would need a permit.'),
    ).toEqual(['Paul Meyer | told | they would need a permit | said']);
  });

  it("gives the quotation before an inverted frame inside another report to that frame's speaker", () => {
    expect(
      nestedOf(
        '“The bridge will stay closed until the spring floods are over,” Ana Ortiz said on Monday, according to the Harbor Gazette.',
      ),
    ).toEqual([
      'Ana Ortiz | said | “The bridge will stay closed until the spring floods are over,” | according to',
    ]);
  });

  it('takes no plain object for a report', () => {
    expect(nestedOf('“Paul Meyer wrote a short play based on the novel,” Ana Ortiz said.')).toEqual([]);
    expect(nestedOf('“Paul Meyer recalled it vividly,” Ana Ortiz said.')).toEqual([]);
    expect(nestedOf('“I say that because the bridge was never safe,” Ana Ortiz said.')).toEqual([]);
  });

  it('takes the plain object of a verb like "condemned" as what was said', () => {
    expect(nestedOf('Ana Ortiz said the Drivers Union condemned the new rules for drivers.')).toEqual([
      'Drivers Union | condemned | the new rules for drivers | said',
    ]);
    // Only the inflected, finite forms: "to condemn" is no report.
    expect(nestedOf('Ana Ortiz said the Drivers Union would like to condemn the new rules.')).toEqual([]);
  });

  it('credits a quoted "I" to the speaker of the quotation', () => {
    expect(nestedOf('“I told them that the bridge was safe,” Paul Meyer said on Monday.')).toEqual([
      'Paul Meyer | told | that the bridge was safe | said',
    ]);
  });

  it('leaves a nested "he" unresolved unless the person is known to be a man', () => {
    const text = 'Robin Vale called the office. Ana Ortiz said he warned that the bridge was unsafe.';
    expect(nestedOf(text)).toEqual(['(he) | warned | that the bridge was unsafe | said']);
  });

  it('never names a country for its people ("Americans say")', () => {
    expect(nestedOf('Ana Ortiz said Americans say the bridge was a mistake.')).toEqual([]);
  });

  it('keeps `within` through JSON and the model schema', () => {
    const { doc } = contextOf('“Captain Reyes replied that the bridge was closed,” Ana Ortiz testified.');
    const nested = (findAttributions(doc).attributions ?? []).find((a) => a.within !== undefined);
    expect(nested).toBeDefined();
    expect(AttributionSchema.parse(JSON.parse(JSON.stringify(nested)))).toEqual(nested);
  });
});
