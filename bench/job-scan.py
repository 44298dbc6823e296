#!/usr/bin/env python3
"""The job table at scale (BENCH_JOBS=200000 bench/run job-scan).

Every node's job acquisition asks MariaDB for the jobs due now, and the health check counts the starved ones.
This registers one complaint (its first task brings two deadline timers), copies one of those timer jobs to
N jobs due over the next 40 days (two timers per open task: N = 200,000 is 100,000 open tasks), then times
the engine's acquisition query (as the general log shows it), the health check's starved-job count and
GET /actuator/health, without the index platform.EngineIndexes makes on ACT_RU_JOB (DUEDATE_) and with it.
Reads the server's own profile (SHOW PROFILES) for the queries; five of each, all printed.
"""
import base64, datetime, json, subprocess, sys, time, urllib.request, uuid

BASE = sys.argv[1]
DB = dict(host=sys.argv[2], port=sys.argv[3], user=sys.argv[4], password=sys.argv[5])
JOBS = int(sys.argv[6]) if len(sys.argv) > 6 else 200000
INDEX = "JIANDU_IX_JOB_DUEDATE"

ACQUISITION = (
    "select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES "
    "where (RES.RETRIES_ > 0) and ( RES.DUEDATE_ is null or RES.DUEDATE_ <= NOW() ) "
    "and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < NOW()) and RES.SUSPENSION_STATE_ = 1 "
    "and ( ( RES.EXCLUSIVE_ = 1 and not exists( select J2.ID_ from ACT_RU_JOB J2 "
    "where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = 1) "
    "and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= NOW()) ) ) or RES.EXCLUSIVE_ = 0 ) LIMIT 10 OFFSET 0")
STARVED = ("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 "
           "AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < NOW()) "
           "AND ((DUEDATE_ IS NULL AND CREATE_TIME_ < NOW() - INTERVAL 15 MINUTE) OR DUEDATE_ < NOW() - INTERVAL 15 MINUTE)")


def sql(statements):
    return subprocess.run(["mariadb", "-h", DB["host"], "-P", DB["port"], "-u", DB["user"], f"-p{DB['password']}",
                           "-N", "jiandu", "-e", statements], capture_output=True, text=True, check=True).stdout


def call(user, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={
        "Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(),
        "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def measure(label):
    query_ms = {"acquisition": [], "starved count": []}
    for _ in range(5):
        profile = sql(f"SET profiling=1; {ACQUISITION}; {STARVED}; SHOW PROFILES;").strip().splitlines()[-2:]
        query_ms["acquisition"].append(float(profile[0].split("\t")[1]) * 1000)
        query_ms["starved count"].append(float(profile[1].split("\t")[1]) * 1000)
    health = []
    for _ in range(10):
        start = time.perf_counter()
        urllib.request.urlopen(BASE + "/actuator/health").read()
        health.append((time.perf_counter() - start) * 1000)
    for name, values in list(query_ms.items()) + [("GET /actuator/health", health)]:
        print("job-scan %-22s %-14s ms: %s" % (label, name, " ".join("%.1f" % v for v in values)))


occurred = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
call("clerk", "POST", "/api/complaints", {
    "source": "VISIT", "anonymous": False, "complainantName": "计时", "complainantPhone": "13800000000",
    "agencyCode": "SCJ", "fieldCode": "MARKET", "occurredOn": occurred, "occurredPlace": "人民路",
    "facts": "计时 " + uuid.uuid4().hex, "demands": "核查"})
sql(f"""
SET @src = (SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'timer-transition' LIMIT 1);
INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, EXECUTION_ID_, ROOT_PROC_INST_ID_, PROCESS_INSTANCE_ID_,
    PROCESS_DEF_ID_, PROCESS_DEF_KEY_, RETRIES_, DUEDATE_, HANDLER_TYPE_, HANDLER_CFG_, DEPLOYMENT_ID_,
    SUSPENSION_STATE_, JOB_DEF_ID_, PRIORITY_, SEQUENCE_COUNTER_, CREATE_TIME_)
SELECT CONCAT('bench-job-', s.seq), 1, j.TYPE_, j.EXCLUSIVE_, j.EXECUTION_ID_, j.ROOT_PROC_INST_ID_,
    j.PROCESS_INSTANCE_ID_, j.PROCESS_DEF_ID_, j.PROCESS_DEF_KEY_, 3, NOW() + INTERVAL 1 + s.seq % 40 DAY,
    j.HANDLER_TYPE_, j.HANDLER_CFG_, j.DEPLOYMENT_ID_, 1, j.JOB_DEF_ID_, 0, 1, NOW()
FROM ACT_RU_JOB j JOIN seq_1_to_{JOBS} s WHERE j.ID_ = @src;
ANALYZE TABLE ACT_RU_JOB;""")
print("job-scan: %s jobs in ACT_RU_JOB" % sql("SELECT COUNT(*) FROM ACT_RU_JOB").strip())
measure("with the index")
sql(f"DROP INDEX {INDEX} ON ACT_RU_JOB")
measure("without the index")
start = time.perf_counter()
sql(f"CREATE INDEX {INDEX} ON ACT_RU_JOB (DUEDATE_)")
print("job-scan: the index made again in %.0f ms" % ((time.perf_counter() - start) * 1000))
measure("with the index again")
sql("DELETE FROM ACT_RU_JOB WHERE ID_ LIKE 'bench-job-%'")
