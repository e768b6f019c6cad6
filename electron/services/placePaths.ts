// Places as spreadsheets name them: "教学楼A › 3层 › 301" (or "/"-separated), or a place code.
// The whole place table is read once per import or export (a campus has thousands of places, not
// millions), so resolving 10,000 rows costs map look-ups rather than queries.
import type { Db } from '../store/tx';

interface PlaceNode {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
}

export type PlaceLookup = { id: string } | { reason: string };

/** Compared ignoring case, width (全角/半角) and runs of spaces. */
function norm(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export const PATH_SEPARATOR = ' › ';

export class PlaceIndex {
  private readonly byId = new Map<string, PlaceNode>();
  private readonly byName = new Map<string, PlaceNode[]>();
  private readonly byCode = new Map<string, PlaceNode[]>();
  private readonly resolved = new Map<string, PlaceLookup>();
  private readonly labels = new Map<string, string>();
  private readonly shortLabels = new Map<string, string>();

  constructor(db: Db) {
    const rows = db
      .prepare<[], PlaceNode>('SELECT id, parent_id AS parentId, name, code FROM places')
      .all();
    for (const node of rows) {
      this.byId.set(node.id, node);
      push(this.byName, norm(node.name), node);
      if (node.code) push(this.byCode, norm(node.code), node);
    }
  }

  /**
   * The place a cell names. A path is matched from its last part upwards and may start at any
   * level (building, floor… or the site itself); a single word may also be a place code. A name
   * that fits several places is refused as ambiguous rather than guessed.
   */
  resolve(text: string): PlaceLookup {
    const key = norm(text);
    let found = this.resolved.get(key);
    if (!found) {
      found = this.lookUp(key);
      this.resolved.set(key, found);
    }
    return found;
  }

  private lookUp(key: string): PlaceLookup {
    const separator = /[›>]/.test(key) ? /[›>]/ : /[/\\]/;
    const parts = key
      .split(separator)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const last = parts[parts.length - 1];
    if (last === undefined) return { reason: 'unknown place' };
    const matches = new Set<PlaceNode>();
    for (const node of this.byName.get(last) ?? []) {
      if (this.ancestorsMatch(node, parts.slice(0, -1))) matches.add(node);
    }
    if (parts.length === 1) for (const node of this.byCode.get(last) ?? []) matches.add(node);
    const [only] = matches;
    if (!only) return { reason: 'unknown place' };
    if (matches.size > 1)
      return { reason: `ambiguous place (${matches.size} places match; write more of its path)` };
    return { id: only.id };
  }

  /** True when the parent, grandparent… of `node` are named, nearest first, like parts read backwards. */
  private ancestorsMatch(node: PlaceNode, parts: string[]): boolean {
    let cursor: PlaceNode | undefined = node;
    for (let i = parts.length - 1; i >= 0; i -= 1) {
      cursor = cursor.parentId ? this.byId.get(cursor.parentId) : undefined;
      if (!cursor || norm(cursor.name) !== parts[i]) return false;
    }
    return true;
  }

  /**
   * How an export names a place: its path below the site ("Building › Floor › Room", as the
   * Assets page shows it), or with the site in front when that alone would be ambiguous, so an
   * exported file always imports back to the same places.
   */
  label(id: string): string {
    let label = this.labels.get(id);
    if (label === undefined) {
      const short = this.pathBelowSite(id);
      const back = this.resolve(short);
      label = 'id' in back && back.id === id ? short : this.names(id).join(PATH_SEPARATOR);
      this.labels.set(id, label);
    }
    return label;
  }

  /** "Building › Floor › Room" without the site (the site's own name for the site), as lists show it. */
  pathBelowSite(id: string): string {
    let label = this.shortLabels.get(id);
    if (label === undefined) {
      const path = this.names(id);
      label = (path.length > 1 ? path.slice(1) : path).join(PATH_SEPARATOR);
      this.shortLabels.set(id, label);
    }
    return label;
  }

  /** Names from the root down to the place. */
  private names(id: string): string[] {
    const path: string[] = [];
    let n = this.byId.get(id);
    // The depth bound only guards against a corrupt tree; real trees are four levels deep.
    for (let depth = 0; n && depth < 32; depth += 1) {
      path.unshift(n.name);
      n = n.parentId ? this.byId.get(n.parentId) : undefined;
    }
    return path;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
