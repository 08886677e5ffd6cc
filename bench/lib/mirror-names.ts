// The names the mirror bench inserts (bench/mirror.ts) and searches (mirror-query-worker.ts): short
// lists, so a name prefix matches many of the 100,000 users, as in a real customer base.
export const FIRST = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
export const LAST = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Torvalds",
  "Hamilton",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "Thompson",
];
