"""Summarises `jfr print --events jdk.ExecutionSample` output: samples per thread, hottest top frames, and the
share of samples in which each project or library method appears anywhere on the stack (inclusive)."""
import collections
import re
import sys

events = open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]
threads, top, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
for event in events:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    threads[re.sub(r"\d+", "N", thread.group(1) if thread else "?")] += 1
    frames = re.findall(r"^\s+([\w$.<>]+)\(", event, re.M)
    if frames:
        top[frames[0]] += 1
    for frame in set(frames):
        inclusive[frame] += 1
total = len(events) or 1
print(f"{len(events)} samples")
print("threads:", ", ".join(f"{t} {n}" for t, n in threads.most_common(5)))
print("top frames:")
for frame, n in top.most_common(15):
    print(f"  {100 * n / total:5.1f}%  {frame}")
print("inclusive (ducha, graphql, smallrye, hibernate, security, vertx):")
pattern = re.compile(r"^(ducha|graphql|io\.smallrye\.graphql|org\.hibernate|io\.quarkus\.(oidc|security|smallrye)|io\.vertx)")
for frame, n in [(f, n) for f, n in inclusive.most_common() if pattern.match(f)][:40]:
    print(f"  {100 * n / total:5.1f}%  {frame}")
