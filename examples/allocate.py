"""Builds a list of 2 million small records in four steps, then drops it: the same work as allocate.c, for
comparing how Python and a compiled program use memory (pyrometer run --memory)."""
import time

records = []
for step in range(4):
    records.extend((i, i * 2.0) for i in range(500_000))
    time.sleep(0.05)
del records
time.sleep(0.05)
