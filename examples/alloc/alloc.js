// The allocation workload of examples/alloc, in JavaScript (Node.js): 10 rounds that each build 100,000 small
// records and drop them, keeping every tenth alive to the end (100,000 records kept of 1,000,000 built).
const ROUNDS = 10;
const PER_ROUND = 100000;

const kept = [];
for (let r = 0; r < ROUNDS; r++) {
    let batch = [];
    for (let i = r * PER_ROUND; i < (r + 1) * PER_ROUND; i++)
        batch.push({ id: i, value: i * 0.5, tag: "r" + i });
    for (let i = 0; i < batch.length; i += 10)
        kept.push(batch[i]);
    batch = null;
}
let sum = 0;
for (const record of kept)
    sum += record.id;
console.log(kept.length, sum);
