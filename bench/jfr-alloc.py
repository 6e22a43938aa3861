"""Allocation per request and per field of a workload recorded with bench/run --jfr WORKLOAD.

    python3 bench/jfr-alloc.py target/bench/graphql-sites.jfr target/bench/results-100k.json graphql-sites \
        target/bench/answer-graphql-sites.json

The bytes allocated are exact: the growth of each thread's allocation counter (jdk.ThreadAllocationStatistics, taken
at the start and the end of the recording), summed over threads, divided by the workload's requests (from the
results file) and by the fields of one answer (every value of its JSON: objects, arrays, scalars). The frames that
allocated most are estimated from the jdk.ObjectAllocationSample events' weights."""
import collections
import json
import re
import subprocess
import sys

recording, results, workload, answer = sys.argv[1:5]
UNITS = {"bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def jfr(event):
    return subprocess.run(["jfr", "print", "--events", event, recording], capture_output=True, text=True,
                          check=True).stdout


counters = collections.defaultdict(list)
for event in jfr("jdk.ThreadAllocationStatistics").split("jdk.ThreadAllocationStatistics")[1:]:
    allocated = re.search(r"allocated = ([\d.]+) (bytes|kB|MB|GB)", event)
    thread = re.search(r"javaThreadId = (\d+)", event)
    if allocated and thread:
        counters[thread.group(1)].append(float(allocated.group(1)) * UNITS[allocated.group(2)])
allocated_total = sum(max(values) - min(values) for values in counters.values())

printed = jfr("jdk.ObjectAllocationSample")
total, frames = 0, collections.Counter()
for event in printed.split("jdk.ObjectAllocationSample")[1:]:
    weight = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", event)
    if not weight:
        continue
    size = float(weight.group(1)) * UNITS[weight.group(2)]
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
print(f"{workload}: {allocated_total / 1024 ** 2:,.0f} MB allocated over {requests:,} requests; "
      f"{allocated_total / requests / 1024:,.1f} KB per request, {fields:,} fields per answer, "
      f"{allocated_total / requests / fields:,.0f} bytes per field")
print("top allocating frames (sampled):")
for frame, size in frames.most_common(12):
    print(f"  {100 * size / total:5.1f}%  {frame}")
