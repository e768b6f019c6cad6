// Short-fragment search support. SQLite's trigram tokenizer cannot find fragments shorter than three
// characters, yet Chinese names are searched by two ("路灯", "水表"). Each indexed text is therefore
// also written as its single characters and character pairs, space-separated, into a word index;
// a one- or two-character query is then one exact token lookup.

/** Unigrams and bigrams of every whitespace-separated run of the text, lower-cased, de-duplicated. */
export function searchGrams(text: string): string {
  const grams = new Set<string>();
  for (const run of text.toLowerCase().split(/\s+/)) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i += 1) {
      const c = chars[i] as string;
      grams.add(c);
      const next = chars[i + 1];
      if (next !== undefined) grams.add(c + next);
    }
  }
  return [...grams].join(' ');
}
