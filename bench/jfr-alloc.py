"""Allocation per request and per field of a workload recorded with bench/run --jfr WORKLOAD.

    python3 bench/jfr-alloc.py target/bench/graphql-sites.jfr target/bench/results-100k.json graphql-sites \
        target/bench/answer-graphql-sites.json

Sums the weights of the recording's jdk.ObjectAllocationSample events (JFR's estimate of the bytes allocated, all
threads), divides by the workload's requests (from the results file) and by the fields of one answer (every value
of its JSON: objects, arrays, scalars), and lists the frames that allocated most."""
import collections
import json
import re
import subprocess
import sys

recording, results, workload, answer = sys.argv[1:5]
printed = subprocess.run(["jfr", "print", "--events", "jdk.ObjectAllocationSample", recording],
                         capture_output=True, text=True, check=True).stdout
total, frames = 0, collections.Counter()
for event in printed.split("jdk.ObjectAllocationSample")[1:]:
    weight = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", event)
    if not weight:
        continue
    size = float(weight.group(1)) * {"bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[weight.group(2)]
    total += size
    stack = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    if stack:
        frames[stack[0]] += size

requests = next(json.loads(line)["requests"] for line in open(results)
                if line.strip().startswith("{") and json.loads(line).get("name") == workload)


def values(node):
    if isinstance(node, dict):
        return 1 + sum(values(v) for v in node.values())
    if isinstance(node, list):
        return 1 + sum(values(v) for v in node)
    return 1


fields = values(json.load(open(answer)).get("data", {}))
print(f"{workload}: {total / 1024 ** 2:,.0f} MB allocated over {requests:,} requests; "
      f"{total / requests / 1024:,.1f} KB per request, {fields:,} fields per answer, "
      f"{total / requests / fields:,.0f} bytes per field")
print("top allocating frames:")
for frame, size in frames.most_common(12):
    print(f"  {100 * size / total:5.1f}%  {frame}")
