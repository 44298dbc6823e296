#!/usr/bin/env python3
"""The application's CPU time per request of each kind of read (bench/run cpu-per-request [--db mariadb]).

The closed-loop scenarios (interactive, inbox) saturate the machine's cores, so their percentiles are mostly the
wait for a core; what a change to the code saves shows more directly as CPU per request. Single-threaded, with
keep-alive, each kind of request is sent -Dbench.warmup (200) times unmeasured, then -Dbench.requests (1,000) times
while the application's own CPU time (utime + stime of its process, /proc/PID/stat) is read before and after; the
wall-clock times of the measured requests give p50 and p99. The records are the newest complaints and letters of
the database (the generated data set with JIANDU_DB_URL, or the demo data).
"""
import base64, http.client, json, os, sys, time, urllib.parse

BASE = urllib.parse.urlparse(sys.argv[1])
PID = int(sys.argv[2])
WARMUP = int(sys.argv[3]) if len(sys.argv) > 3 else 200
REQUESTS = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
TICK = os.sysconf("SC_CLK_TCK")
connection = http.client.HTTPConnection(BASE.hostname, BASE.port)


def cpu_seconds():
    with open(f"/proc/{PID}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def get(user, path):
    connection.request("GET", path, headers={
        "Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(), "Accept": "application/json"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path} as {user}: {response.status} {body[:300]!r}")
    return json.loads(body)


def measure(name, requests):
    for i in range(WARMUP):
        requests(i)
    times = []
    cpu = cpu_seconds()
    for i in range(REQUESTS):
        start = time.perf_counter()
        requests(i)
        times.append((time.perf_counter() - start) * 1000)
    cpu = cpu_seconds() - cpu
    times.sort()
    print(f"cpu-per-request: {name}: {cpu * 1000 / REQUESTS:.2f} ms of application CPU a request; wall p50 "
          f"{times[len(times) // 2]:.1f} ms, p99 {times[int(len(times) * 0.99)]:.1f} ms ({REQUESTS} requests)",
          flush=True)


complaints = [c["id"] for c in get("supervisor", "/api/complaints?size=100")["items"]]
letters = [l["id"] for l in get("supervisor", "/api/letters?size=100")["items"]]
measure("inbox page, 待认领 of clerk", lambda i: get("clerk", f"/api/tasks?view=CLAIMABLE&page={i % 3}&size=20"))
measure("inbox page, 我的待办 of lead", lambda i: get("lead", f"/api/tasks?view=MINE&page={i % 3}&size=20"))
measure("complaint detail", lambda i: get("supervisor", f"/api/complaints/{complaints[i % len(complaints)]}"))
measure("letter detail", lambda i: get("supervisor", f"/api/letters/{letters[i % len(letters)]}"))
