// LIKE patterns from user text: %, _ and the escape character itself are matched literally
// (every caller writes ESCAPE '\').

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Matches rows containing `text` anywhere. */
export function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
