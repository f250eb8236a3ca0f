/** The metadata fields newsgraph reads from pages and their order of trust, shown by `ingest --help` (and the README). */
export const METADATA_HELP = `
Article metadata (meta in every analysis; each field's source in <field>From):
  published      publication date, ISO 8601 with the offset the page states (2019-11-19T19:53:52-05:00);
                 a UTC time is shown in the outlet's zone when the page reveals it. Order of trust:
                 json-ld (schema.org datePublished of any @type, @graph arrays; article types first),
                 open-graph (article:published_time), itemprop (datePublished, also in lists such as
                 "datePublished dateCreated"), time-element (<time datetime>), dublin-core (DC.date,
                 dcterms.*), site-meta (parsely-pub-date, sailthru.date, sn-post-date, ...), url
                 (/2019/11/20/; a dateline on the same day adds its time), dateline (a date shown
                 beside the headline); feed for a feed's date.
  modified       last modification date, from the same places (dateModified, article:modified_time, ...)
  outlet         site name (og:site_name, application-name), JSON-LD publisher, Dublin Core publisher,
                 then data/ingest/outlets.json, the <title>, the Twitter handle, the host name; names
                 that do not fit the host ("Hosted", a section name) or look like handles give way
  language       detected from the article text (eld) when it has 120 characters or more, else the
                 page's declaration (html-lang, og:locale, content-language, JSON-LD inLanguage).
                 Articles not in English are stored and searchable but not analysed (a warning says so)
  authors        JSON-LD author names, else author meta tags; byline joins them
  canonicalUrl   <link rel=canonical>, og:url, JSON-LD url
Without a publication date, relative dates stay unresolved (XXXX-04, anchor "none"), knowledge-base
roles are marked unanchored, and the analysis carries a time:no-publication-date warning.
In JSONL input "published": null means unknown; an impossible date (2025-02-30) is refused.`;
