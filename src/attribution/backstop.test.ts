import { describe, expect, it } from 'vitest';
import { findQuotations, splitSentences, tokenize } from '../text/index.js';
import { dashSignedQuotes, isPassiveCue, orphanContent, passiveAgent } from './backstop.js';
import { speakerLabels } from './labels.js';
import { quoteState } from './quotes.js';
import { cueLexicon } from './lexicon.js';
import type { LinkedAttribution, RoleSpan } from './link.js';

/** isPassiveCue on the cue `cueText` inside `text`. */
function passive(text: string, cueText: string): boolean {
  const tokens = tokenize(text);
  const [sentence] = splitSentences(text, tokens);
  const start = text.indexOf(cueText);
  const from = tokens.findIndex((t) => t.start === start);
  const to = tokens.findIndex((t) => t.end === start + cueText.length) + 1;
  const cue: RoleSpan = { role: 'cue', from, to };
  return isPassiveCue(text, tokens, cue, sentence, cueLexicon());
}

describe('passive cues', () => {
  it('recognises "be" + participle, with auxiliaries and adverbs between or before the cue', () => {
    expect(passive('Mr. Quiros was accused of using the money.', 'was accused of')).toBe(true);
    expect(passive('He has been harshly criticized for his policies.', 'criticized')).toBe(true);
    expect(passive('North Korea is not thought to be capable of it.', 'is not thought')).toBe(true);
  });

  it('does not take active cues for passive ones', () => {
    expect(passive('Trump said he would win.', 'said')).toBe(false);
    expect(passive('She has repeatedly warned that prices would rise.', 'warned')).toBe(false);
    expect(passive('The senator is arguing that the bill fails.', 'is arguing')).toBe(false);
  });
});

/** The content orphanContent gives the cue `cueText` (and source `sourceText`) of `text`, as text. */
function orphan(text: string, cueText: string, sourceText?: string): string[] {
  const tokens = tokenize(text);
  const [sentence] = splitSentences(text, tokens);
  const spanOf = (s: string, role: RoleSpan['role']): RoleSpan => {
    const start = text.indexOf(s);
    const from = tokens.findIndex((t) => t.start === start);
    const to = tokens.findIndex((t) => t.end === start + s.length) + 1;
    return { role, from, to };
  };
  const source = sourceText ? spanOf(sourceText, 'source') : null;
  return orphanContent(text, tokens, spanOf(cueText, 'cue'), source, sentence).map((c) =>
    text.slice(tokens[c.from].start, tokens[c.to - 1].end),
  );
}

describe('content of a cue the tagger left without one', () => {
  it('takes the sentence around a frame set off by commas', () => {
    expect(
      orphan(
        'Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.',
        'said',
        'Mr. Clarke',
      ),
    ).toEqual(['Lenox was a juggernaut', 'until it went bankrupt in 1999']);
    expect(
      orphan('The campaign changed course at the last minute, sources said.', 'said', 'sources'),
    ).toEqual(['The campaign changed course at the last minute']);
  });

  it('takes the complement of a cue that opens the clause', () => {
    expect(orphan('Mr. Clarke said he began working there in 1980.', 'said', 'Mr. Clarke')).toEqual([
      'he began working there in 1980',
    ]);
  });

  it('gives nothing when there is no clause to report', () => {
    expect(orphan('Yes, he said.', 'said', 'he')).toEqual([]);
    expect(orphan('He said so.', 'said', 'He')).toEqual([]);
  });
});

describe('the agent of a passive cue', () => {
  const agent = (text: string, cueText: string) => {
    const tokens = tokenize(text);
    const [sentence] = splitSentences(text, tokens);
    const start = text.indexOf(cueText);
    const from = tokens.findIndex((t) => t.start === start);
    const to = tokens.findIndex((t) => t.end === start + cueText.length) + 1;
    const a = passiveAgent(text, tokens, { role: 'cue', from, to }, sentence);
    return a ? text.slice(tokens[a.from].start, tokens[a.to - 1].end) : null;
  };

  it('takes the noun phrase after "by", inside or right after the cue', () => {
    expect(agent('His views were echoed by a number of tax experts.', 'were echoed')).toBe(
      'a number of tax experts',
    );
    expect(agent('The song was written by Springsteen after the shooting.', 'was written by')).toBe(
      'Springsteen',
    );
  });

  it('gives nothing without an agent', () => {
    expect(agent('Mr. Quiros was accused of fraud.', 'was accused of')).toBeNull();
  });
});

/** An attribution as the text of its cue, source and content. */
function asText(text: string, tokens: ReturnType<typeof tokenize>, a: LinkedAttribution) {
  const of = (r: RoleSpan | null) => (r ? text.slice(tokens[r.from].start, tokens[r.to - 1].end) : null);
  return { cue: of(a.cue), source: of(a.source), content: a.content.map(of) };
}

describe('quotations signed with a dash', () => {
  const signed = (text: string) => {
    const tokens = tokenize(text);
    return dashSignedQuotes(text, tokens, quoteState(tokens.length, findQuotations(text, tokens))).map((a) =>
      asText(text, tokens, a),
    );
  };

  it('gives each signed quotation of a column its own cue, source and content', () => {
    const text =
      'Readers told us what they thought.\n\n“The plan will not work. Nobody asked us.” ― Ana Lopez\n' +
      '“We need jobs first.”— José de la Cruz, 52, Phoenix\n”I am tired of promises.” ― Mary Smith\n';
    expect(signed(text)).toEqual([
      { cue: '―', source: 'Ana Lopez', content: ['“The plan will not work. Nobody asked us.”'] },
      { cue: '—', source: 'José de la Cruz', content: ['“We need jobs first.”'] },
      // A miswritten opening mark: the quotation runs from the line start.
      { cue: '―', source: 'Mary Smith', content: ['”I am tired of promises.”'] },
    ]);
  });

  it('leaves dashes inside running text alone', () => {
    expect(signed('He called it “a disaster” ― and Congress agreed with him on Tuesday.')).toEqual([]);
    expect(signed('“It is over,” ― she said, leaving the room.')).toEqual([]);
  });
});

describe('speaker labels', () => {
  const labelled = (text: string, people: string[], names: string[] = []) => {
    const tokens = tokenize(text);
    const titleEnd = text.indexOf('\n');
    const isName = (from: number, to: number) =>
      names.includes(text.slice(tokens[from].start, tokens[to - 1].end));
    return speakerLabels(text, tokens, {
      title: { start: 0, end: titleEnd < 0 ? text.length : titleEnd },
      isName,
      personSurnames: new Set(people),
    }).map((a) => asText(text, tokens, a));
  };

  it('reads transcript turns and a headline that gives a named source its claim', () => {
    const text =
      'Graham: Trump’s Rhetoric Is Destroying the Party.\n\nLindsey Graham spoke to Chris Host on Sunday.\n\n' +
      'HOST: Senator, will you endorse him this year?\n"GRAHAM: No, I will not endorse him, and I said so.\n';
    expect(labelled(text, ['graham', 'host'], ['Graham'])).toEqual([
      { cue: ':', source: 'Graham', content: ['Trump’s Rhetoric Is Destroying the Party'] },
      { cue: ':', source: 'HOST', content: ['Senator, will you endorse him this year?'] },
      { cue: ':', source: 'GRAHAM', content: ['No, I will not endorse him, and I said so.'] },
    ]);
  });

  it('takes capitals labels that take turns as speakers even when the article never names them', () => {
    const text =
      'Debate night\n\nWALLACE: Let us start with the economy tonight.\nPENCE: Well, look, the numbers are bad.\n' +
      'WALLACE: Do you really think so, Governor?\nPENCE: I do, and so do voters across the country.\n';
    expect(labelled(text, []).map((a) => a.source)).toEqual(['WALLACE', 'PENCE', 'WALLACE', 'PENCE']);
  });

  it('ignores rubrics, short answers and headlines whose label is no name', () => {
    const text =
      'The Latest: Storm Hits the Coast Overnight.\n\nUPDATE: The road reopened on Monday morning.\nQ: Why?\nA: Because the bridge is safe again now.\n';
    expect(labelled(text, ['smith'])).toEqual([]);
  });
});
