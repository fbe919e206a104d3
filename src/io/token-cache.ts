/**
 * A content-addressed on-disk cache of cut texts, so that a CLI run whose plans were tokenized before does
 * not load nodejieba at all. Keys are sha1(tokenizer version + text), the default tokenizer's version
 * naming its rules, nodejieba's version and a hash of the field dictionary; entries live in 16 JSON shard
 * files (by the key's first hex digit) under `dir`, read lazily and written atomically (temp file +
 * rename) by `flush()`, each kept to its newest {@link MAX_SHARD_ENTRIES} entries. nodejieba is loaded
 * only on a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tokenizer } from '../text/tokenize';
import { defaultTokenizer, jiebaTokenizerVersion } from '../text/tokenizer-jieba';

/** Options of {@link createCachedTokenizer}. */
export interface TokenCacheOptions {
  /** Cache folder, created when missing (the CLI picks e.g. `$XDG_CACHE_HOME/plandiff`) */
  dir: string;
  /** Tokenizer used on a miss (default: {@link defaultTokenizer}, nodejieba loaded lazily) */
  tokenizer?: Tokenizer;
  /** Version string mixed into every key (default: the jieba tokenizer's version, nodejieba's and a hash of the field dictionary) */
  version?: string;
  /** Write new entries when the process exits (default true); `flush()` may also be called directly */
  flushOnExit?: boolean;
  /** Most entries a shard keeps; the oldest go first (default {@link MAX_SHARD_ENTRIES}) */
  maxShardEntries?: number;
}

/** Entries kept per shard (16 shards: about 320,000 texts, some 80 MB on disk); the oldest go first. */
export const MAX_SHARD_ENTRIES = 20_000;

/** A tokenizer backed by the on-disk cache. */
export interface CachedTokenizer extends Tokenizer {
  /** Write the shards that gained entries (atomic per shard) */
  flush(): void;
  /** Hits and misses since creation */
  stats(): { hits: number; misses: number };
}

const SHARD_FORMAT = 1;
const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/**
 * Create a tokenizer that looks each text up in the on-disk cache before cutting it.
 *
 * @example
 * const tok = createCachedTokenizer({ dir: join(homedir(), '.cache/plandiff') });
 * const plan = preparePlan(parsed, { tokenizer: tok }); tok.flush();
 */
export function createCachedTokenizer(options: TokenCacheOptions): CachedTokenizer {
  const { dir } = options;
  const inner = options.tokenizer ?? defaultTokenizer();
  const version = options.version ?? (options.tokenizer ? (options.tokenizer.id ?? 'custom') : jiebaTokenizerVersion());
  const shards = new Map<string, Record<string, string[]>>();
  const dirty = new Set<string>();
  let hits = 0;
  let misses = 0;

  const shardFile = (s: string): string => join(dir, `tokens-${s}.json`);
  const shard = (s: string): Record<string, string[]> => {
    let m = shards.get(s);
    if (!m) {
      m = {};
      try {
        const parsed = JSON.parse(readFileSync(shardFile(s), 'utf8')) as { format?: number; entries?: Record<string, string[]> };
        if (parsed.format === SHARD_FORMAT && parsed.entries && typeof parsed.entries === 'object') m = parsed.entries;
      } catch {
        // missing or unreadable shard: start empty, it is rewritten on flush
      }
      shards.set(s, m);
    }
    return m;
  };

  const flush = (): void => {
    if (dirty.size === 0) return;
    mkdirSync(dir, { recursive: true });
    for (const s of dirty) {
      const file = shardFile(s);
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      // merge what another process may have written since this shard was read
      let entries = shards.get(s) ?? {};
      try {
        const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; entries?: Record<string, string[]> };
        if (onDisk.format === SHARD_FORMAT && onDisk.entries) entries = { ...onDisk.entries, ...entries };
      } catch {
        // nothing on disk yet
      }
      // a shard holds its entries oldest first (insertion order): past the cap, the oldest go
      const keys = Object.keys(entries);
      const cap = options.maxShardEntries ?? MAX_SHARD_ENTRIES;
      if (keys.length > cap) entries = Object.fromEntries(keys.slice(keys.length - cap).map((k) => [k, entries[k] as string[]]));
      shards.set(s, entries);
      writeFileSync(tmp, JSON.stringify({ format: SHARD_FORMAT, entries }));
      renameSync(tmp, file);
    }
    dirty.clear();
  };
  if (options.flushOnExit ?? true) process.once('exit', flush);

  return {
    id: `cache:${version}`,
    cut(text: string): string[] {
      const key = sha1(`${version}\u0000${text}`);
      const s = key[0] as string;
      const m = shard(s);
      const found = m[key];
      if (found) {
        hits++;
        return found.slice();
      }
      misses++;
      const pieces = inner.cut(text);
      m[key] = pieces;
      dirty.add(s);
      return pieces.slice();
    },
    prepare(texts: readonly string[]): void {
      inner.prepare?.(texts);
    },
    flush,
    stats: () => ({ hits, misses }),
  };
}
