/**
 * A read-only hash set of domain names with a small flag byte per name, packed for size and for lookups of
 * a host's parents without allocating.
 *
 * Why not a `Map<string, number>`: the email lists hold ~145,000 names (disposable, providers, ISPs,
 * universities...). As a `Map` they cost ~8 MB of heap and ~20 ms to build; here they are one string (the
 * names joined by `\n`) plus three typed arrays (~4 MB, built in a few ms), and a lookup is one probe per
 * name of the host walked right to left (`a.b.example.com`, then `b.example.com`, then `example.com`), the
 * hash of each parent being a prefix of the walk, so no substring is ever created.
 */

/** FNV-1a offset basis and prime (32-bit), folded over UTF-16 code units from the right. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Hash of `text[start, end)` read from the right: the same value {@link DomainTable.flagsOfParents} reaches
 * for that name while walking a longer host whose tail it is.
 *
 * @example
 * hashNameFromRight('mail.example.com', 5, 16) === hashNameFromRight('example.com', 0, 11); // true
 */
export function hashNameFromRight(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = end - 1; i >= start; i--) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** One list of names and the flag bit(s) its names carry. */
export interface DomainSource {
  readonly names: readonly string[];
  readonly flags: number;
}

/** Longest name stored (a DNS name has at most 253 octets, RFC 1035 §2.3.4); longer entries are skipped. */
const MAX_NAME = 253;

/**
 * The packed set. Build it with {@link DomainTable.from}; names must already be lowercase ASCII.
 *
 * @example
 * const table = DomainTable.from([{ names: ['mailinator.com'], flags: 1 }]);
 * table.flagsOf('mailinator.com'); // 1
 * table.flagsOf('example.com');    // 0
 */
export class DomainTable {
  /** Every stored name, each followed by `\n`. */
  readonly #text: string;
  /** Per slot: start of the name in `#text` plus one; 0 marks an empty slot (open addressing, linear probing). */
  readonly #starts: Int32Array;
  readonly #lengths: Uint8Array;
  readonly #flags: Uint8Array;
  readonly #mask: number;
  /** Distinct names stored. */
  readonly size: number;

  private constructor(text: string, starts: Int32Array, lengths: Uint8Array, flags: Uint8Array, size: number) {
    this.#text = text;
    this.#starts = starts;
    this.#lengths = lengths;
    this.#flags = flags;
    this.#mask = starts.length - 1;
    this.size = size;
  }

  /**
   * Builds the table from lists of names; a name in several lists gets the union of their flags.
   * Empty names and names over 253 characters are skipped.
   */
  static from(sources: readonly DomainSource[]): DomainTable {
    let count = 0;
    for (const source of sources) count += source.names.length;
    // Load factor at most 1/2 keeps linear-probing chains short (about 1.5 probes on a hit, 2.5 on a miss).
    let slotCount = 1024;
    while (slotCount < count * 2) slotCount *= 2;
    const mask = slotCount - 1;
    const starts = new Int32Array(slotCount);
    const lengths = new Uint8Array(slotCount);
    const flags = new Uint8Array(slotCount);
    /** The name in each occupied slot, to spot duplicates while building (dropped afterwards). */
    const slotNames: (string | undefined)[] = new Array(slotCount);
    const kept: string[] = [];
    let offset = 0;
    for (const source of sources) {
      for (const name of source.names) {
        if (name.length === 0 || name.length > MAX_NAME) continue;
        let slot = hashNameFromRight(name, 0, name.length) & mask;
        while (slotNames[slot] !== undefined && slotNames[slot] !== name) slot = (slot + 1) & mask;
        if (slotNames[slot] === undefined) {
          slotNames[slot] = name;
          starts[slot] = offset + 1;
          lengths[slot] = name.length;
          kept.push(name);
          offset += name.length + 1;
        }
        flags[slot]! |= source.flags;
      }
    }
    return new DomainTable(kept.length === 0 ? '' : `${kept.join('\n')}\n`, starts, lengths, flags, kept.length);
  }

  /** Flags of `name[start, end)` whose hash (from the right) is `hash`; 0 when the name is absent. */
  #probe(name: string, start: number, end: number, hash: number): number {
    const text = this.#text;
    const length = end - start;
    let slot = hash & this.#mask;
    for (;;) {
      const stored = this.#starts[slot]!;
      if (stored === 0) return 0;
      if (this.#lengths[slot] === length) {
        let i = 0;
        while (i < length && text.charCodeAt(stored - 1 + i) === name.charCodeAt(start + i)) i++;
        if (i === length) return this.#flags[slot]!;
      }
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Flags of one whole name; 0 when absent. */
  flagsOf(name: string): number {
    return this.#probe(name, 0, name.length, hashNameFromRight(name, 0, name.length));
  }

  /**
   * The union of the flags of `host` and of its parents down to its last `minLength` characters (the
   * registrable domain), in one right-to-left pass (the hash of each parent is computed on the way). The
   * host's own flags are kept under `ownMask` when it is longer than `minLength`: a flag that marks "every
   * subdomain of this name" must not match the name itself.
   */
  flagsOfParents(host: string, minLength: number, ownMask: number): number {
    const end = host.length;
    let h = FNV_OFFSET;
    let flags = 0;
    for (let i = end - 1; i >= 0; i--) {
      h = Math.imul(h ^ host.charCodeAt(i), FNV_PRIME);
      if ((i === 0 || host.charCodeAt(i - 1) === 0x2e) && end - i >= minLength) {
        const found = this.#probe(host, i, end, h >>> 0);
        flags |= i === 0 && end > minLength ? found & ownMask : found;
      }
    }
    return flags;
  }
}
