#!/usr/bin/env python3
"""Whether two GraphQL answers (or an answer and the JSON a SQL statement returned) hold the same data.

    bench/same-answer.py A.json B.json      exit 0 and "same" if they do, else exit 1 and the first difference

bench/run gives Ducha and PostGraphile the same query (PostGraphile's field names aliased to Ducha's), so the two
answers have one shape; what differs is only how each writes a value: times ("2026-05-21T22:01:45Z" against
"2026-05-21T22:01:45.000000+00:00") and 64-bit integers (PostGraphile's BigInt is a string). Both are compared as
values. An answer with "errors", or without data, is never the same as anything.
"""
import json
import re
import sys
from datetime import datetime

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")
INTEGER = re.compile(r"^-?\d{1,18}$")


def value(v):
    if isinstance(v, str):
        if TIME.match(v):
            return ("time", datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp())
        if INTEGER.match(v):
            return int(v)
    return v


def diff(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{path}: fields {sorted(a.keys())} against {sorted(b.keys())}"
        for k in a:
            d = diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items against {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = diff(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    if value(a) != value(b):
        return f"{path}: {json.dumps(a, ensure_ascii=False)} against {json.dumps(b, ensure_ascii=False)}"
    return None


def load(path):
    text = open(path, encoding="utf-8").read().strip()
    try:
        answer = json.loads(text)
    except ValueError:
        return None, f"{path} is not JSON: {text[:200]}"
    if not isinstance(answer, dict) or answer.get("errors") or not answer.get("data"):
        return None, f"{path} has errors or no data: {text[:300]}"
    return answer["data"], None


a, error_a = load(sys.argv[1])
b, error_b = load(sys.argv[2])
difference = error_a or error_b or diff(a, b)
print(f"differs: {difference}" if difference else "same")
sys.exit(1 if difference else 0)
