#!/usr/bin/env python3
"""Statements per step of the complaint happy path on MariaDB (bench/run query-count --db mariadb).

Walks one complaint through /api, single-threaded, and reads the server's statement counters
(SHOW GLOBAL STATUS: Com_select, Com_insert, Com_update, Com_delete, Questions) before and after each call.
The job executor's polling adds a few statements in the background; each step is measured twice over two
complaints and the smaller count is kept. Each completion is measured as it answers by default (the complaint's
detail read back) and with "Prefer: return=minimal" (204, no read back), over two complaints more.
"""
import base64, json, os, subprocess, sys, urllib.error, urllib.request, uuid, datetime

BASE = sys.argv[1]
DB = dict(host=sys.argv[2], port=sys.argv[3], user=sys.argv[4], password=sys.argv[5])
COUNTERS = ["Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit", "Questions"]


def status():
    out = subprocess.run(["mariadb", "-h", DB["host"], "-P", DB["port"], "-u", DB["user"], f"-p{DB['password']}",
                          "-N", "-e", "SHOW GLOBAL STATUS WHERE Variable_name IN (%s)" %
                          ",".join("'%s'" % c for c in COUNTERS)], capture_output=True, text=True, check=True).stdout
    values = dict(line.split("\t") for line in out.strip().splitlines())
    return {k: int(values.get(k, 0)) for k in COUNTERS}


def call(user, method, path, body=None, prefer=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {"Authorization": "Basic " + base64.b64encode(f"{user}:demo".encode()).decode(),
               "Content-Type": "application/json", "Accept": "application/json"}
    if prefer:
        headers["Prefer"] = prefer
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def measured(name, fn, results):
    before = status()
    value = fn()
    after = status()
    # the status query itself is one Questions/Com_select each
    delta = {k: after[k] - before[k] - (1 if k in ("Questions", "Com_select") else 0) for k in COUNTERS}
    previous = results.get(name)
    if previous is None or delta["Questions"] < previous["Questions"]:
        results[name] = delta
    return value


def flow(results, prefer=None):
    occurred = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    created = measured("register", lambda: call("clerk", "POST", "/api/complaints", {
        "source": "VISIT", "anonymous": False, "complainantName": "计数", "complainantPhone": "13800000000",
        "agencyCode": "SCJ", "fieldCode": "MARKET", "occurredOn": occurred, "occurredPlace": "人民路",
        "facts": "计数 " + uuid.uuid4().hex, "demands": "核查"}), results)
    cid = created["id"]
    steps = [("review acceptance", "clerk", {"acceptanceDecision": "ACCEPT"}),
             ("approve acceptance", "lead", {"acceptanceApproved": True}),
             ("assign supervisor", "lead", {"supervisorId": "supervisor"}),
             ("investigate", "supervisor", {"investigationAction": "PROPOSE", "proposal": "UNFOUNDED",
                                            "findings": "不属实"}),
             ("approve proposal", "lead", {"proposalApproved": True}),
             ("write reply", "supervisor", {"replyText": "经调查，不属实。"}),
             ("return visit", "clerk", {"satisfaction": "SATISFIED"})]
    for name, user, body in steps:
        detail = measured("detail (GET /api/complaints/{id})", lambda: call(user, "GET", f"/api/complaints/{cid}"),
                          results)
        task = detail["currentSteps"][0]["taskId"]
        measured("complete%s: %s" % (" (%s)" % prefer if prefer else "", name),
                 lambda: call(user, "POST", f"/api/complaints/{cid}/tasks/{task}/complete", body, prefer), results)


def engine_baseline(tasks=8):
    """The same number of user tasks on the bare engine, through /engine-rest (as the flow-ratio scenario)."""
    key = "benchEngine%d" % tasks
    items = "".join('<bpmn:userTask id="Task_%d" camunda:candidateGroups="admin"/><bpmn:sequenceFlow id="F_%d" '
                    'sourceRef="%s" targetRef="Task_%d"/>' % (i, i, "Start" if i == 1 else "Task_%d" % (i - 1), i)
                    for i in range(1, tasks + 1))
    bpmn = ('<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
            'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="http://jiandu.org/bench">'
            '<bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1"><bpmn:startEvent id="Start"/>%s'
            '<bpmn:endEvent id="End"/><bpmn:sequenceFlow id="F_End" sourceRef="Task_%d" targetRef="End"/>'
            '</bpmn:process></bpmn:definitions>') % (key, items, tasks)
    boundary = "bench" + uuid.uuid4().hex
    body = ("--%s\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n%s\r\n--%s\r\n"
            "Content-Disposition: form-data; name=\"data\"; filename=\"%s.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
            "%s\r\n--%s--\r\n") % (boundary, key, boundary, key, bpmn, boundary)
    auth = "Basic " + base64.b64encode(b"admin:demo").decode()
    req = urllib.request.Request(BASE + "/engine-rest/deployment/create", data=body.encode(), method="POST",
                                 headers={"Authorization": auth, "Content-Type": "multipart/form-data; boundary=" + boundary})
    urllib.request.urlopen(req).read()
    for grant in ({"type": 1, "userId": "admin", "resourceType": 6, "resourceId": key,
                   "permissions": ["READ", "CREATE_INSTANCE", "READ_INSTANCE", "READ_TASK", "TASK_WORK"]},
                  {"type": 1, "userId": "admin", "resourceType": 8, "resourceId": "*", "permissions": ["CREATE"]}):
        try:
            call("admin", "POST", "/engine-rest/authorization/create", grant)
        except urllib.error.HTTPError:
            pass  # already granted
    return key


def engine_flow(results, key, tasks=8):
    started = measured("engine: start instance", lambda: call(
        "admin", "POST", "/engine-rest/process-definition/key/%s/start" % key,
        {"businessKey": "BENCH-" + uuid.uuid4().hex}), results)
    for _ in range(tasks):
        found = measured("engine: find task (GET /engine-rest/task)", lambda: call(
            "admin", "GET", "/engine-rest/task?processInstanceId=" + started["id"]), results)
        measured("engine: complete task", lambda: call(
            "admin", "POST", "/engine-rest/task/%s/complete" % found[0]["id"], {}), results)


results = {}
flow(results)
flow(results)
flow(results, "return=minimal")
flow(results, "return=minimal")
key = engine_baseline()
engine_flow(results, key)
engine_flow(results, key)
print("%-40s %8s %8s %8s %8s %8s %9s" % ("step", "select", "insert", "update", "delete", "commit", "questions"))
total = 0
for name, d in results.items():
    print("%-40s %8d %8d %8d %8d %8d %9d" % (name, d["Com_select"], d["Com_insert"], d["Com_update"],
                                             d["Com_delete"], d["Com_commit"], d["Questions"]))
