#!/usr/bin/env python3
"""The load and the checks of .ci/ha: two Latchkey instances on one pg_auto_failover formation.

    ha_load.py receive               the delivery receiver (runs until killed)
    ha_load.py setup                 a tenant, TOTP users, SMS users, a user to lock (state in $HA_STATE)
    ha_load.py run SECONDS EVENT     mixed load through both instances for SECONDS; EVENT ("kill" or
                                     "switchover") is done by the caller when this prints "GO" on stdout
    ha_load.py check                 what was answered 2xx is in the database; the lockout is exact;
                                     the SMS budget is spent once per message; no message went twice

Every request and answer is recorded in $HA_STATE/log.jsonl. Only the standard library: TOTP, the
delivery receiver and the checks (psql) are here.
"""
import base64, hashlib, hmac, http.server, json, os, struct, subprocess, sys, threading, time, urllib.request

STATE = os.environ["HA_STATE"]
INSTANCES = os.environ.get("HA_INSTANCES", "").split(",")
ADMIN = os.environ.get("HA_ADMIN_KEY", "")
DB = os.environ.get("HA_DB_URL", "")
RECEIVER_PORT = int(os.environ["HA_RECEIVER_PORT"])
BOUND = float(os.environ.get("HA_ANSWER_BOUND_SECS", "12"))
TENANT = "ha"
PASSWORD = "correct horse battery staple"
LOG_LOCK = threading.Lock()


def call(base, method, path, body=None, token=None, record=True):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    started = time.time()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, headers, raw = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, headers, raw = e.code, e.headers, e.read()
    except Exception as e:  # no answer at all
        status, headers, raw = 0, {}, str(e).encode()
    took = time.time() - started
    try:
        answer = json.loads(raw) if raw else {}
    except ValueError:
        answer = {"raw": raw.decode(errors="replace")}
    if record:
        entry = {"at": started, "took": took, "instance": base, "path": path, "status": status,
                 "retry_after": headers.get("Retry-After"), "error": answer.get("error") if isinstance(answer, dict) else None}
        with LOG_LOCK, open(os.path.join(STATE, "log.jsonl"), "a") as f:
            f.write(json.dumps(entry) + "\n")
    return status, answer


def totp(secret, at=None):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    step = int((at or time.time()) // 30)
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return step, "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def psql(sql):
    out = subprocess.run(["psql", DB, "-qtAX", "-c", sql], capture_output=True, text=True, check=True)
    return out.stdout.strip()


# The delivery receiver: every SMS and email Latchkey sends, with its webhook-id.
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with LOG_LOCK, open(os.path.join(STATE, "deliveries.jsonl"), "a") as f:
            f.write(json.dumps({"id": self.headers.get("webhook-id"), "body": json.loads(body or b"{}")}) + "\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def receive():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", RECEIVER_PORT), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def last_code(to, after=0):
    for _ in range(100):
        path = os.path.join(STATE, "deliveries.jsonl")
        codes = []
        if os.path.exists(path):
            for line in open(path):
                d = json.loads(line)["body"]
                if d.get("to") == to and d.get("code"):
                    codes.append(d["code"])
        if len(codes) > after:
            return codes[-1], len(codes)
        time.sleep(0.1)
    raise SystemExit("no code reached " + to)


def setup():
    a = INSTANCES[0]
    assert call(a, "POST", "/admin/tenants", {"slug": TENANT, "name": "HA Clinic", "two_factor": "required"}, ADMIN)[0] == 201
    limits = {"per_user_per_hour": 1000, "per_number_per_hour": 1000, "per_number_per_day": 1000, "per_tenant_per_hour": 100000}
    s, t = call(a, "PATCH", "/admin/tenants/" + TENANT, {"sms_budget": 2000, "message_limits": limits}, ADMIN)
    assert s == 200, t
    state = {"totp": [], "sms": [], "lock": None}
    for i in range(12):
        email = "t%d@example.com" % i
        assert call(a, "POST", "/admin/tenants/%s/users" % TENANT, {"email": email, "password": PASSWORD}, ADMIN)[0] == 201
        s, login = call(a, "POST", "/login", {"tenant": TENANT, "identifier": email, "password": PASSWORD})
        s, enrolled = call(a, "POST", "/challenges/%s/enroll" % login["challenge_id"], {"kind": "totp"})
        secret = enrolled["totp"]["secret"]
        step, code = totp(secret)
        s, done = call(a, "POST", "/verify", {"challenge_id": login["challenge_id"], "code": code})
        assert s == 200, done
        state["totp"].append({"email": email, "secret": secret, "user_id": done["user"]["id"]})
    for i in range(4):
        email, phone = "s%d@example.com" % i, "+3584000000%02d" % i
        assert call(a, "POST", "/admin/tenants/%s/users" % TENANT, {"email": email, "password": PASSWORD, "phone_number": phone}, ADMIN)[0] == 201
        s, login = call(a, "POST", "/login", {"tenant": TENANT, "identifier": email, "password": PASSWORD})
        s, enrolled = call(a, "POST", "/challenges/%s/enroll" % login["challenge_id"], {"kind": "sms"})
        assert s == 200, enrolled
        code, _ = last_code(phone)
        s, done = call(a, "POST", "/verify", {"challenge_id": login["challenge_id"], "code": code})
        assert s == 200, done
        state["sms"].append({"email": email, "phone": phone})
    lock = state["totp"].pop()
    state["lock"] = lock
    json.dump(state, open(os.path.join(STATE, "state.json"), "w"))
    print("setup: %d TOTP users, %d SMS users, one to lock" % (len(state["totp"]), len(state["sms"])))


def run(seconds, event):
    state = json.load(open(os.path.join(STATE, "state.json")))
    stop = threading.Event()
    results = {"verified": [], "sessions": [], "wrong_code_answers": [], "sms_logins": 0}
    lock = threading.Lock()

    def totp_worker(n, user):
        used = set()
        base = INSTANCES[n % 2]
        refresh = None
        while not stop.is_set():
            step, code = totp(user["secret"])
            if step in used:
                # Between sign-ins: refresh rotations on the last session.
                if refresh:
                    s, body = call(base, "POST", "/token/refresh", {"refresh_token": refresh})
                    if s == 200:
                        refresh = body["refresh_token"]
                        with lock:
                            results["sessions"].append({"session_id": body["session_id"], "refresh": refresh, "user": user["email"]})
                time.sleep(0.3)
                continue
            s, login = call(base, "POST", "/login", {"tenant": TENANT, "identifier": user["email"], "password": PASSWORD})
            if s != 200 or "challenge_id" not in login:
                time.sleep(0.2)
                continue
            s, done = call(base, "POST", "/verify", {"challenge_id": login["challenge_id"], "code": code})
            if s == 200:
                used.add(step)
                refresh = done["refresh_token"]
                with lock:
                    results["verified"].append({"user_id": user["user_id"], "step": step, "instance": base, "at": time.time()})
                    results["sessions"].append({"session_id": done["session_id"], "refresh": refresh, "user": user["email"]})
            elif s == 401 and login.get("challenge_id"):
                used.add(step)  # refused: this step was consumed elsewhere (a replay guard at work)
            base = INSTANCES[(INSTANCES.index(base) + 1) % 2]

    def sms_worker(n, user):
        # Sign-ins with a code by SMS: a login (a code queued against the budget), then /verify.
        base = INSTANCES[n % 2]
        seen = last_code(user["phone"])[1]
        while not stop.is_set():
            s, login = call(base, "POST", "/login", {"tenant": TENANT, "identifier": user["email"], "password": PASSWORD})
            if s == 200 and login.get("code_sent"):
                with lock:
                    results["sms_logins"] += 1
                try:
                    code, seen = last_code(user["phone"], seen)
                except SystemExit:
                    continue
                s, done = call(base, "POST", "/verify", {"challenge_id": login["challenge_id"], "code": code})
                if s == 200:
                    with lock:
                        results["verified"].append({"user_id": None, "step": None, "instance": base, "at": time.time()})
                        results["sessions"].append({"session_id": done["session_id"], "refresh": done["refresh_token"], "user": user["email"]})
            base = INSTANCES[(INSTANCES.index(base) + 1) % 2]
            time.sleep(0.3)

    def lock_worker():
        n = 0
        while not stop.is_set():
            base = INSTANCES[n % 2]
            n += 1
            s, login = call(base, "POST", "/login", {"tenant": TENANT, "identifier": state["lock"]["email"], "password": PASSWORD})
            if s == 423:
                return
            if s != 200 or "challenge_id" not in login:
                time.sleep(0.5)
                continue
            s, body = call(base, "POST", "/verify", {"challenge_id": login["challenge_id"], "code": "000000"})
            with lock:
                results["wrong_code_answers"].append({"status": s, "error": body.get("error")})
            if s == 423:
                return
            # Two wrong codes before the kill (3 s in), the rest across and after the gap.
            time.sleep(2.0)

    threads = [threading.Thread(target=totp_worker, args=(i, u)) for i, u in enumerate(state["totp"])]
    threads += [threading.Thread(target=sms_worker, args=(i, u)) for i, u in enumerate(state["sms"])]
    if event == "kill":
        threads.append(threading.Thread(target=lock_worker))
    for t in threads:
        t.start()
    time.sleep(3)
    event_at = time.time()
    print("GO", flush=True)
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    results["event_at"] = event_at
    json.dump(results, open(os.path.join(STATE, "results-%s.json" % event), "w"))
    report(event, event_at, results)


def report(event, event_at, results):
    log = [json.loads(l) for l in open(os.path.join(STATE, "log.jsonl")) if json.loads(l)["at"] >= event_at - 3]
    failures = [e for e in log if e["status"] >= 500 or e["status"] == 0]
    bad = [e for e in failures if not (e["status"] == 503 and e["retry_after"])]
    slow = [e for e in log if e["took"] > BOUND]
    back = {}
    for v in results["verified"]:
        if v["at"] > event_at and v["instance"] not in back:
            back[v["instance"]] = v["at"] - event_at
    print("%s: %d requests from 3 s before it; %d answered 503 with Retry-After; %d failed otherwise; %d slower than %.0f s"
          % (event, len(log), len(failures) - len(bad), len(bad), len(slow), BOUND))
    for instance, secs in sorted(back.items()):
        print("%s: first login + /verify on %s %.1f s after it" % (event, instance, secs))
    print("%s: %d sign-ins with a second factor (TOTP or SMS), %d sessions and rotations, %d SMS codes sent" % (
        event, len(results["verified"]), len(results["sessions"]), results["sms_logins"]))
    problems = []
    if bad:
        problems.append("answers that were neither a success, a business refusal nor a 503 with Retry-After: %s" % bad[:5])
    if slow:
        problems.append("answers slower than the bound: %s" % slow[:5])
    if len(back) < len(INSTANCES):
        problems.append("writes did not come back on every instance: %s" % back)
    if event == "switchover":
        # A planned switchover is ridden out: requests wait for the new primary.
        if failures:
            problems.append("a planned switchover failed %d requests: %s" % (len(failures), failures[:5]))
    if problems:
        raise SystemExit("\n".join(problems))


def check(event):
    results = json.load(open(os.path.join(STATE, "results-%s.json" % event)))
    state = json.load(open(os.path.join(STATE, "state.json")))
    problems = []
    # Every session answered 2xx is in the database.
    ids = sorted({s["session_id"] for s in results["sessions"]})
    if ids:
        found = int(psql("SELECT count(*) FROM sessions WHERE id IN (%s)" % ",".join("'%s'" % i for i in ids)))
        if found != len(ids):
            problems.append("sessions answered 2xx but missing: %d of %d" % (len(ids) - found, len(ids)))
    # The last refresh token of each session still rotates: every rotation answered 2xx was kept.
    last = {}
    for s in results["sessions"]:
        last[s["session_id"]] = s["refresh"]
    refused = 0
    for i, token in enumerate(list(last.values())[:40]):
        s, _ = call(INSTANCES[i % 2], "POST", "/token/refresh", {"refresh_token": token}, record=False)
        refused += s != 200
    if refused:
        problems.append("%d sessions' last refresh token was refused: a rotation answered 2xx was lost" % refused)
    # Every TOTP step accepted is consumed in the database: the same code is refused afterwards.
    steps = {}
    for v in results["verified"]:
        if v["user_id"]:
            steps[v["user_id"]] = max(steps.get(v["user_id"], 0), v["step"])
    for user_id, step in steps.items():
        stored = psql("SELECT max(last_used_step) FROM second_factor_methods WHERE user_id = '%s' AND kind = 'totp'" % user_id)
        if not stored or int(stored) < step:
            problems.append("user %s: step %d accepted but the database has %s" % (user_id, step, stored))
    # The lockout is exact: five failures, then the lock, never a sixth counted.
    if event == "kill":
        lock_id = state["lock"]["user_id"]
        counted = int(psql("SELECT count(*) FROM audit_events WHERE user_id = '%s' AND event = 'second_factor.verify' AND outcome = 'failure'" % lock_id))
        locked = psql("SELECT locked_until IS NOT NULL FROM users WHERE id = '%s'" % lock_id)
        wrong = [a for a in results["wrong_code_answers"] if a["error"] in ("invalid_code", "account_locked")]
        print("kill: the lockout: %d failures counted, %d wrong-code answers, locked %s" % (counted, len(wrong), locked))
        if counted != 5 or locked != "t" or len(wrong) > 5:
            problems.append("lockout not exact: %d counted, %d answered, locked %s" % (counted, len(wrong), locked))
    # The SMS budget is spent once per message queued, and no message was delivered twice.
    queued = int(psql("SELECT count(*) FROM outbox WHERE channel = 'sms'"))
    balance = int(psql("SELECT sms_budget FROM tenants WHERE slug = '%s'" % TENANT))
    deliveries = [json.loads(l) for l in open(os.path.join(STATE, "deliveries.jsonl"))]
    ids = [d["id"] for d in deliveries]
    print("%s: SMS: %d queued, balance %d of 2000, %d deliveries (%d distinct)" % (event, queued, balance, len(ids), len(set(ids))))
    if queued + balance != 2000:
        problems.append("SMS budget: %d queued but %d spent" % (queued, 2000 - balance))
    if len(ids) != len(set(ids)):
        problems.append("a message was delivered twice")
    if problems:
        raise SystemExit("\n".join(problems))
    print("%s: every check held" % event)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "receive":
        receive()
        while True:
            time.sleep(3600)
    elif command == "setup":
        setup()
    elif command == "run":
        run(float(sys.argv[2]), sys.argv[3])
    elif command == "check":
        check(sys.argv[2])
