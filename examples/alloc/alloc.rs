// The allocation workload of examples/alloc, in Rust (the system allocator): 10 rounds that each build 100,000
// small records and drop them, keeping every tenth alive to the end (100,000 records kept of 1,000,000 built).
const ROUNDS: u64 = 10;
const PER_ROUND: u64 = 100_000;

struct Record {
    id: u64,
    #[allow(dead_code)]
    value: f64,
    #[allow(dead_code)]
    tag: String,
}

fn main() {
    let mut kept: Vec<Box<Record>> = Vec::new();
    for r in 0..ROUNDS {
        let mut batch: Vec<Box<Record>> = Vec::new();
        for i in r * PER_ROUND..(r + 1) * PER_ROUND {
            batch.push(Box::new(Record { id: i, value: i as f64 * 0.5, tag: format!("r{}", i) }));
        }
        for record in batch.into_iter().step_by(10) {
            kept.push(record);
        }
    }
    let sum: u64 = kept.iter().map(|record| record.id).sum();
    println!("{} {}", kept.len(), sum);
}
