/**
 * A read-only hash set of domain names with a small flag byte per name, packed for size and for lookups of
 * a host's parents without allocating.
 *
 * Why not a `Map<string, number>`: the email lists hold ~145,000 names (disposable, providers, ISPs,
 * universities...). As a `Map` they cost ~8 MB of heap; here they are one string (the names joined by
 * `\n`, ~2 MB) and one typed array of slots (2 MB), and a lookup is one probe per
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
 * Slot layout, two 32-bit words per slot so that one cache line holds a probe sequence:
 * - word 0: start of the name in the text (22 bits, the text is under 4 MiB) << 8 | its length (8 bits);
 *   0 marks an empty slot (every name starts at offset >= 1: the text begins with `\n`);
 * - word 1: the name's flags (8 bits) | the top 24 bits of its hash, so that a probe rejects another name
 *   without reading the text.
 */
const FLAG_BITS = 0xff;
const FINGERPRINT_BITS = ~FLAG_BITS;
const MAX_TEXT = 1 << 22;

/**
 * The packed set. Build it with {@link DomainTable.from}; names must already be lowercase ASCII.
 *
 * @example
 * const table = DomainTable.from([{ names: ['mailinator.com'], flags: 1 }]);
 * table.flagsOf('mailinator.com'); // 1
 * table.flagsOf('example.com');    // 0
 */
export class DomainTable {
  /** `\n`, then every stored name followed by `\n`. */
  readonly #text: string;
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** Distinct names stored. */
  readonly size: number;

  private constructor(text: string, slots: Int32Array, size: number) {
    this.#text = text;
    this.#slots = slots;
    this.#mask = slots.length / 2 - 1;
    this.size = size;
  }

  /**
   * Builds the table from lists of names; a name in several lists gets the union of their flags.
   * Empty names and names over 253 characters are skipped. Throws a `RangeError` past 4 MiB of names
   * (the lists hold about 2 MiB).
   */
  static from(sources: readonly DomainSource[]): DomainTable {
    let count = 0;
    for (const source of sources) count += source.names.length;
    // Load factor at most 1/2 keeps linear-probing runs short (about 1.5 slots on a hit, 2.5 on a miss).
    let slotCount = 1024;
    while (slotCount < count * 2) slotCount *= 2;
    const mask = slotCount - 1;
    const slots = new Int32Array(slotCount * 2);
    /** The index in `kept` of each occupied slot's name, to compare while building (a typed array: a sparse
     * `Array` of this size would fall back to slow dictionary elements). */
    const slotNames = new Int32Array(slotCount);
    const kept: string[] = [''];
    let offset = 1;
    for (const source of sources) {
      for (const name of source.names) {
        const length = name.length;
        if (length === 0 || length > MAX_NAME) continue;
        const hash = hashNameFromRight(name, 0, length);
        const fingerprint = hash & FINGERPRINT_BITS;
        let slot = hash & mask;
        for (;;) {
          const word = slots[slot * 2]!;
          if (word === 0) {
            if (offset + length >= MAX_TEXT) throw new RangeError('DomainTable: more than 4 MiB of names');
            slots[slot * 2] = (offset << 8) | length;
            slots[slot * 2 + 1] = fingerprint | source.flags;
            slotNames[slot] = kept.length;
            kept.push(name);
            offset += length + 1;
            break;
          }
          if ((word & 0xff) === length && (slots[slot * 2 + 1]! & FINGERPRINT_BITS) === fingerprint) {
            if (kept[slotNames[slot]!] === name) {
              slots[slot * 2 + 1]! |= source.flags;
              break;
            }
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    return new DomainTable(`${kept.join('\n')}\n`, slots, kept.length - 1);
  }

  /** Flags of `name[start, end)` whose hash (from the right) is `hash`; 0 when the name is absent. */
  #probe(name: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const length = end - start;
    const fingerprint = hash & FINGERPRINT_BITS;
    let slot = hash & this.#mask;
    for (;;) {
      const word = slots[slot * 2]!;
      if (word === 0) return 0;
      const info = slots[slot * 2 + 1]!;
      if (
        (word & 0xff) === length &&
        (info & FINGERPRINT_BITS) === fingerprint &&
        this.#equals(word >>> 8, name, start, length)
      ) {
        return info & FLAG_BITS;
      }
      slot = (slot + 1) & this.#mask;
    }
  }

  #equals(offset: number, name: string, start: number, length: number): boolean {
    const text = this.#text;
    for (let i = 0; i < length; i++) if (text.charCodeAt(offset + i) !== name.charCodeAt(start + i)) return false;
    return true;
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
