"""Encoding and decoding a nested document with the json module."""
import json

if __name__ == "__main__":
    document = {"items": [{"id": i, "name": f"item-{i}", "tags": ["a", "b", "c"], "price": i * 0.5} for i in range(20_000)]}
    for _ in range(3):
        document = json.loads(json.dumps(document))
    print(len(document["items"]))
