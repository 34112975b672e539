"""The allocation workload of examples/alloc, in Python: 10 rounds that each build 100,000 small records and drop
them, keeping every tenth alive to the end (100,000 records kept of 1,000,000 built)."""

ROUNDS = 10
PER_ROUND = 100_000


class Record:
    __slots__ = ("id", "value", "tag")

    def __init__(self, id, value, tag):
        self.id = id
        self.value = value
        self.tag = tag


kept = []
for r in range(ROUNDS):
    batch = [Record(i, i * 0.5, "r" + str(i)) for i in range(r * PER_ROUND, (r + 1) * PER_ROUND)]
    kept.extend(batch[::10])
    del batch
print(len(kept), sum(record.id for record in kept))
