"""Sorting 200,000 pseudo-random floats with the built-in Timsort."""
import random

if __name__ == "__main__":
    rng = random.Random(42)
    values = [rng.random() for _ in range(200_000)]
    values.sort()
    print(values[0], values[-1])
