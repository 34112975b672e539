"""About 100 ms of pure-Python CPU work, the same every run: the workload of sampler_bench."""
total = 0
for i in range(1_500_000):
    total += i * i % 7
