/**
 * A `--cpu-prof` friendly loop over the geo benchmark's corpus, one case at a time (issue 9: where the
 * time of postal inference with hints goes).
 *
 *   GEO_BENCH_DUMP=/tmp/geo-corpus.json npm run bench -- geo      # writes the corpus once
 *   node --cpu-prof --import tsx bench/geo-profile.ts /tmp/geo-corpus.json city [rounds]
 *
 * Cases: none, state, city, all (state+city+phone+email), or several comma-separated (run interleaved,
 * as the benchmark does). Prints ns/record per case and round.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { inferCountryFromPostalCode, type PostalHints } from '../src/geo/index.js';

interface User {
  code: string;
  country: string;
  hints: PostalHints;
}

const [path, which = 'all', roundsText = '5'] = process.argv.slice(2);
if (path === undefined) throw new TypeError('usage: geo-profile.ts <corpus.json> [none|state|city|all] [rounds]');
const users = JSON.parse(readFileSync(path, 'utf8')) as User[];
const hintsOf: Record<string, (u: User) => PostalHints | undefined> = {
  none: () => undefined,
  state: (u) => ({ state: u.hints.state }),
  city: (u) => ({ city: u.hints.city }),
  all: (u) => u.hints,
};
const cases = which.split(',').map((name) => {
  const pickHints = hintsOf[name];
  if (pickHints === undefined) throw new TypeError(`unknown case ${name}`);
  return { name, hints: users.map(pickHints) };
});
let sink = 0;
for (let round = 0; round < Number(roundsText); round++) {
  for (const { name, hints } of cases) {
    const t0 = performance.now();
    for (let i = 0; i < users.length; i++) {
      if (inferCountryFromPostalCode(users[i]!.code, hints[i]).country !== null) sink++;
    }
    const ms = performance.now() - t0;
    console.log(`${name} round ${round}: ${((ms * 1e6) / users.length).toFixed(0)} ns/record`);
  }
}
console.log(`decided: ${sink}`);
