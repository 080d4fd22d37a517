#!/usr/bin/env python3
"""The measuring half of bench/run.sh: run.sh starts and stops things, this file measures and writes the report.

Every loop here is bounded in count and in time, and all traffic goes to 127.0.0.1.
Results are appended to a JSON-lines file (one figure per line) that `render` turns into docs/benchmarks.md.
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HOST = "127.0.0.1"
# the propagation target: p99 from a decision at aws to the review opened at both stores, at 200/s
PROPAGATION_TARGET_MS = 50


# ---------------------------------------------------------------- small helpers

def median(values):
    return statistics.median(values) if values else None


def percentile(values, p):
    """Nearest-rank percentile: the smallest value with at least p% of the values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def record(results, figure, **fields):
    with open(results, "a") as out:
        out.write(json.dumps({"figure": figure, **fields}) + "\n")
    shown = {k: v for k, v in fields.items() if k != "samples"}
    print(f"  -> {figure}: {json.dumps(shown)}", flush=True)


def http(method, url, token=None, body=None, timeout=10.0, headers=None):
    """Returns (status, parsed JSON or text); never raises for an HTTP status."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, parse(response.read())
    except urllib.error.HTTPError as e:
        return e.code, parse(e.read())
    except (urllib.error.URLError, OSError) as e:
        return 0, str(e)


def parse(raw):
    text = raw.decode(errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def read_environ(pid):
    with open(f"/proc/{pid}/environ", "rb") as f:
        pairs = [item.split(b"=", 1) for item in f.read().split(b"\0") if b"=" in item]
    return {k.decode(): v.decode() for k, v in pairs}


# ---------------------------------------------------------------- start-up and memory

def startup(args):
    """Starts a jar N times, alone, with the environment of a running instance; measures start-up and idle RSS."""
    env = read_environ(args.env_of_pid) if args.env_of_pid else dict(os.environ)
    env.update(dict(item.split("=", 1) for item in args.set or []))
    env["QUARKUS_HTTP_PORT"] = str(args.port)
    samples = []
    for run in range(args.runs):
        log = f"{args.log}.{run}"
        sample = start_once(args, env, log, args.jvm_args)
        if sample is None:
            break
        samples.append(sample)
    variant = args.variant or "default"
    if not samples:
        record(args.results, "startup", service=args.name, variant=variant, status="failed",
               note=f"did not become ready; see {args.log}.*")
        return
    record(args.results, "startup", service=args.name, variant=variant, status="measured", runs=len(samples),
           logMs=median([s["logMs"] for s in samples if s["logMs"] is not None]),
           readyMs=median([s["readyMs"] for s in samples]),
           quarkusMs=median([s["quarkusMs"] for s in samples if s["quarkusMs"] is not None]),
           rssIdleMb=median([s["rssIdleMb"] for s in samples if s["rssIdleMb"] is not None]),
           samples=samples)


# the baseline's variant a service's start-up is compared with, where the baseline has none of its own: the bare
# service cannot run the images' archive training, which needs the services' configuration; the archive of its own
# first start on the same JDK stands in
BASELINE_VARIANT = {"image": "aot-cache-jdk25", "image-jdk17": "shipped"}

STARTED = re.compile(r"started in (\d+(?:\.\d+)?)s")


def start_once(args, env, log, jvm_args):
    """One start: process start → "started in" log line and → first ready health; RSS after a short idle period."""
    command = [args.java, "-XX:+UseSerialGC", "-Xmx384m"] + (jvm_args or []) + ["-jar", args.jar]
    with open(log, "w") as out:
        t0 = time.monotonic()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        log_ms = quarkus_ms = ready_ms = None
        deadline = t0 + args.timeout
        url = f"http://{HOST}:{args.port}/q/health/ready"
        while time.monotonic() < deadline and process.poll() is None:
            if log_ms is None:
                match = STARTED.search(open(log, errors="replace").read())
                if match:
                    log_ms = (time.monotonic() - t0) * 1000
                    quarkus_ms = float(match.group(1)) * 1000
            if http("GET", url, timeout=2)[0] == 200:
                ready_ms = (time.monotonic() - t0) * 1000
                break
            time.sleep(0.02)
        if ready_ms is None:
            return None
        if log_ms is None:
            # the line appeared between the last look at the log and the ready answer
            match = STARTED.search(open(log, errors="replace").read())
            log_ms = ready_ms if match else None
            quarkus_ms = float(match.group(1)) * 1000 if match else None
        time.sleep(args.idle_seconds)
        return {"logMs": log_ms, "readyMs": ready_ms, "quarkusMs": quarkus_ms, "rssIdleMb": rss_mb(process.pid)}
    finally:
        stop(process)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def rss(args):
    """Resident memory of running processes, as measured now."""
    for item in args.pids:
        name, pid = item.split("=", 1)
        record(args.results, "rss", service=name, state=args.state, rssMb=rss_mb(int(pid)))


def sample_rss(args):
    """Samples RSS of the given processes every 0.5 s until the stop file appears (at most --max-seconds)."""
    peaks = {}
    targets = dict(item.split("=", 1) for item in args.pids)
    deadline = time.monotonic() + args.max_seconds
    while time.monotonic() < deadline and not os.path.exists(args.stop_file):
        for name, pid in targets.items():
            value = rss_mb(int(pid))
            if value is not None:
                peaks[name] = max(peaks.get(name, 0), value)
        time.sleep(0.5)
    for name, peak in peaks.items():
        record(args.results, "rss", service=name, state=args.state, rssMb=peak)


def profile_summary(args):
    """Top frames of a JFR recording (its execution samples), by method, by package and by thread."""
    out = subprocess.run([args.jfr, "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample",
                          args.recording],
                         capture_output=True, text=True, timeout=300)
    events = json.loads(out.stdout or "{}").get("recording", {}).get("events", [])
    methods, packages, threads = {}, {}, {}
    for event in events:
        thread = ((event.get("values", {}).get("sampledThread") or {}).get("javaName") or "?")
        thread = re.sub(r"[-#]?\d+$", "", thread)
        threads[thread] = threads.get(thread, 0) + 1
        frames = (event.get("values", {}).get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        method = frames[0].get("method", {})
        owner = (method.get("type") or {}).get("name", "?").replace("/", ".")
        key = owner + "." + method.get("name", "?")
        methods[key] = methods.get(key, 0) + 1
        # the first frame outside the JDK says which library the time was spent for
        for frame in frames:
            name = ((frame.get("method") or {}).get("type") or {}).get("name", "").replace("/", ".")
            if not name.startswith(("java.", "jdk.", "sun.")):
                package = ".".join(name.split(".")[:3])
                packages[package] = packages.get(package, 0) + 1
                break
    total = sum(methods.values())
    top = lambda d: [[k, v] for k, v in sorted(d.items(), key=lambda kv: -kv[1])[:args.top]]
    record(args.results, "profile", service=args.name, samples=total, topMethods=top(methods),
           topPackages=top(packages), topThreads=top(threads))


# a Quarkus start step in a stack: the class the build wrote for one recorded build step, e.g.
# io/quarkus/runner/recorded/FlywayProcessor$startActions1575138505.deploy
START_STEP = re.compile(r"io/quarkus/runner/recorded/(\w+?)(?:Processor|BuildStep)?\$(\w+?)\d+\.deploy$")
PARKED = ("Unsafe.park", "pthread_cond_wait", "pthread_cond_timedwait", "Object.wait", "epoll_wait", "__futex")


def collapsed_stacks(path):
    """(thread, frames, samples) of each line of async-profiler's collapsed output, recorded with `threads`."""
    for line in open(path, errors="replace"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        frames = stack.split(";")
        thread = re.sub(r"\s*tid=\d+\]$", "", frames[0]).lstrip("[")
        yield thread, frames[1:], int(count)


def waits_for_exit(frames):
    """main, once started, parks in ApplicationLifecycleManager.run until the application is asked to stop."""
    return any(f.endswith("ApplicationLifecycleManager.run") and following.startswith("java/util/concurrent/")
               for f, following in zip(frames, frames[1:]))


def startup_profile(args):
    """Where one start goes (async-profiler, the process stopped once ready): the CPU time of each kind of thread,
    and the wall time of main in each Quarkus start step, with the part of it spent parked (waiting for another
    thread or a connection)."""
    cpu = {}
    for thread, frames, count in collapsed_stacks(args.cpu):
        kind = ("C2 compiler" if thread.startswith("C2 Compiler") else "C1 compiler" if thread.startswith("C1 Compiler")
                else thread if thread in ("main", "JPA Startup Thread") else "other threads")
        cpu[kind] = cpu.get(kind, 0) + count * args.cpu_interval_ms / 1000
    steps, parked = {}, {}
    for thread, frames, count in collapsed_stacks(args.wall):
        if thread != "main" or any("Application.stop" in f for f in frames) or waits_for_exit(frames):
            continue  # the time after the start, until the stop, is not part of it
        step = next((f"{m.group(1)}.{m.group(2)}" for m in map(START_STEP.match, frames) if m), None)
        if step is None:
            step = ("static init, between steps" if any("ApplicationImpl.<clinit>" in f for f in frames)
                    else "start, between steps" if any("ApplicationImpl.doStart" in f for f in frames)
                    else "before and around Quarkus' start")
        seconds = count * args.wall_interval_ms / 1000
        steps[step] = steps.get(step, 0) + seconds
        if any(p in f for f in frames[-6:] for p in PARKED):
            parked[step] = parked.get(step, 0) + seconds
    ranked = sorted(steps, key=lambda k: -steps[k])
    record(args.results, "startup-profile", service=args.name, variant=args.variant,
           cpuSeconds={k: round(v, 2) for k, v in sorted(cpu.items(), key=lambda kv: -kv[1])},
           mainSeconds=round(sum(steps.values()), 2),
           mainSteps=[[k, round(steps[k], 2), round(parked.get(k, 0), 2)] for k in ranked[:args.top]])


# ---------------------------------------------------------------- load figures

def wrk_result(args):
    """Reads the BENCH line of each wrk output file; records the median of the runs."""
    runs = []
    for path in args.files:
        for line in open(path, errors="replace"):
            if line.startswith("BENCH "):
                runs.append(json.loads(line[6:]))
    if not runs:
        record(args.results, args.figure, status="failed", note="wrk printed no summary")
        return
    errors = sum(r["non2xx"] + r["connectErrors"] + r["readErrors"] + r["writeErrors"] + r["timeouts"] for r in runs)
    requests = sum(r["requests"] for r in runs)
    status = "measured" if errors <= 0.01 * max(1, requests) else "failed"
    record(args.results, args.figure, status=status, runs=len(runs), value=median([r["rps"] for r in runs]),
           unit="req/s", p99Ms=median([r["p99Ms"] for r in runs]), errors=errors, requests=requests,
           note=None if status == "measured" else f"{errors} of {requests} requests failed or were not 2xx",
           samples=[r["rps"] for r in runs], **({"customers": args.customers} if args.customers else {}))


def pgbench_result(args):
    tps = []
    for path in args.files:
        match = re.search(r"tps = (\d+(?:\.\d+)?) \(without initial connection time\)", open(path).read())
        if match:
            tps.append(float(match.group(1)))
    record(args.results, "pgbench", status="measured" if tps else "failed", runs=len(tps), value=median(tps),
           unit="TPS", samples=tps)


def emit_once(args):
    """POSTs one file of signed envelopes to the baseline's /emit and prints the rate at which the broker acknowledged
    them, in events/s (an empty line if /emit refused or failed any)."""
    with open(args.file, "rb") as f:
        # the provider that signed them: the broker routes them as it routes that provider's relayed events
        request = urllib.request.Request(f"{args.url}/emit?source={args.source}", data=f.read(), method="POST",
                                         headers={"Content-Type": "text/plain", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=150) as response:
            status, body = response.status, parse(response.read())
    except urllib.error.HTTPError as e:
        status, body = e.code, parse(e.read())
    if status != 200 or body.get("failed"):
        print(f"POST /emit answered {status}: {body}", file=sys.stderr)
        print("")
        return
    print(round(body["perSecond"]))


def relay_rounds(args):
    """Records the relay and its Emitter.send baseline from runs that alternated, one of each per round: the median of
    each, and each round's own ratio."""
    relay = [float(r) for r in args.relay if r.strip()]
    emitter = [float(r) for r in args.emitter if r.strip()]
    rounds = [round(float(r) / float(e), 2) for r, e in zip(args.relay, args.emitter)
              if r.strip() and e.strip() and float(e) > 0]
    record(args.results, "relay", status="measured" if relay and args.unsent == 0 else "failed", runs=len(relay),
           value=median(relay) if relay else None, unit="events/s", samples=relay, roundRatios=rounds,
           note=None if args.unsent == 0 else f"{args.unsent} events were still unsent after 120 s")
    record(args.results, "emitter", status="measured" if len(emitter) == len(args.emitter) else "failed",
           runs=len(emitter), value=median(emitter) if emitter else None, unit="events/s", samples=emitter,
           note=None if len(emitter) == len(args.emitter) else "POST /emit failed in a run")


def relay_watch(args):
    """Follows the relay through aws' takedown_outbox_sent_total while it sends --events events, and prints its rate
    as a JSON line: the events of every batch after the first, over the time from the first batch to the last (the
    counter grows by a batch once the broker has accepted all of it). It reads the counter once before it writes
    --ready, so that whoever commits the events after that sees all of them counted."""
    def sent():
        status, body = http("GET", args.metrics + "/q/metrics", timeout=5, headers={"Accept": "text/plain"})
        return metric_total(body, "takedown_outbox_sent_total") if status == 200 and isinstance(body, str) else None
    base = sent()
    if base is None:
        print(json.dumps({"rate": None, "note": "no takedown_outbox_sent_total at " + args.metrics}))
        return
    open(args.ready, "w").close()
    changes, last, deadline = [], base, time.monotonic() + args.timeout
    while last < base + args.events and time.monotonic() < deadline:
        time.sleep(args.interval)
        value = sent()
        if value is not None and value != last:
            changes.append((time.monotonic(), value - last))
            last = value
    done = last >= base + args.events
    span = changes[-1][0] - changes[0][0] if len(changes) > 1 else 0
    gaps = [b[0] - a[0] for a, b in zip(changes, changes[1:])]
    print(json.dumps({
        "rate": round((last - base - changes[0][1]) / span) if done and span > 0 else None,
        "sent": last - base, "increments": len(changes),
        "medianGapMs": round(median(gaps) * 1000) if gaps else None,
        "steps": [[round((t - changes[0][0]) * 1000), delta] for t, delta in changes],
        "note": None if done else f"only {last - base:.0f} of {args.events} sent within {args.timeout:.0f} s"}))


# ---------------------------------------------------------------- propagation and fan-out

class Suite:
    def __init__(self, args):
        self.aws = args.aws
        self.stores = {"apple": args.apple, "google": args.google}
        self.admin = args.admin_token
        # the stores' databases, when PostgreSQL keeps commit times: then a latency ends at the review's commit
        self.dbs = dict(pair.split("=", 1) for pair in getattr(args, "store_dbs", []))
        self.psql = args.psql

    def latency_end(self):
        return "commit" if self.dbs else "inbox record"

    def post(self, base, path, body, idempotency=None):
        headers = {"Idempotency-Key": idempotency} if idempotency else None
        return http("POST", base + path, self.admin, body, timeout=30, headers=headers)


def decision_body(tag, action="RESTRICT", evidence=1):
    """A restrictive decision by default: only those open a review at the stores, which is what is measured. With
    evidence > 1, a letter the size of AWS' last one to Parler: that many posts, each with a post-length excerpt."""
    if evidence == 1:
        items = [{"uri": f"https://bench.example/post/{tag}", "sha256": "a" * 64, "excerpt": "bench"}]
    else:
        items = [{"uri": f"https://bench.example/post/{tag}/{n}", "sha256": f"{n:064x}",
                  "excerpt": f"Post {n} of {evidence}: " + "a call to violence as it was posted, " * 7}
                 for n in range(1, evidence + 1)]
    return {"action": action, "scope": {"kind": "ACCOUNT", "targets": []}, "ground": "TERMS_OF_SERVICE",
            "groundReference": "Acceptable Use Policy", "clauseIds": ["aup-violence"],
            "category": "VIOLENCE_INCITEMENT", "facts": f"Benchmark decision {tag}", "evidence": items,
            "automatedDetection": False, "automatedDecision": False, "emergency": True,
            "emergencyReason": "benchmark"}


def set_up_party(suite, legal_name, domain, listings_per_store):
    """A customer at aws and, at each store, a developer of the same legal name with listings; or why not."""
    status, customer = suite.post(suite.aws, "/customers", {"legalName": legal_name, "domains": [domain],
                                                          "resources": [{"hostname": domain}]})
    if status not in (200, 201):
        return None, f"POST /customers at aws answered {status}: {str(customer)[:300]}"
    listing_ids = {}
    for store, base in suite.stores.items():
        status, developer = suite.post(base, "/developers", {"legalName": legal_name, "domains": [domain]})
        if status not in (200, 201):
            return None, f"POST /developers at {store} answered {status}: {str(developer)[:300]}"
        listing_ids[store] = []
        for n in range(listings_per_store):
            status, listing = suite.post(base, f"/developers/{developer['id']}/listings", {
                "appName": f"{legal_name} app {n}", "bundleId": f"com.{domain.replace('.', '')}.app{n}",
                "platform": "IOS", "version": "1.0", "hostsUserContent": True})
            if status not in (200, 201):
                return None, f"POST /developers/{{id}}/listings at {store} answered {status}: {str(listing)[:300]}"
            listing_ids[store].append(listing["id"])
    return {"customerId": customer["id"], "listings": listing_ids}, None


def party_pool(suite, count, name_prefix, domain_prefix):
    """[(customerId, legal name, domain)] of count parties set up as set_up_party does, or None and why. Decisions
    round robin over a pool, so that concurrent ones do not contend for one customer's row (a 409 by design)."""
    pool = []
    for n in range(count):
        legal_name, domain = f"{name_prefix} {n}", f"{domain_prefix}n{n}.bench.example"
        party, why = set_up_party(suite, legal_name, domain, 1)
        if party is None:
            return None, why
        pool.append((party["customerId"], legal_name, domain))
    return pool, None


def await_applied(suite, applied_before, count, seconds):
    """Waits, bounded, until each store in applied_before ({store: count then}) has applied count more events from
    aws. Only a count is asked for meanwhile: paging through the inbox every second cost the stores and PostgreSQL
    CPU that was counted against the decisions, while they were draining."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(applied_from_aws(suite, suite.stores[store]) - before < count
                                              for store, before in applied_before.items()):
        time.sleep(1)


def applied_from_aws(suite, store_url):
    """How many events from aws a store has applied so far: one count, not a page of them."""
    status, body = http("GET", f"{store_url}/admin/inbox?source=aws&size=1", suite.admin, timeout=30)
    return body.get("total", 0) if status == 200 and isinstance(body, dict) else 0


def store_lags(suite, store, decided_from_ms):
    """eventId → ms from a decision's event time at aws to the store, oldest decision first, for the decisions made
    at or after decided_from_ms (warm-up decisions applied later are left out). With the store's database (PostgreSQL's
    track_commit_timestamp on), to the commit of the transaction that recorded the event and opened its review;
    otherwise to the inbox record inside that transaction (lagMs), which leaves out the handlers and the commit."""
    if store not in suite.dbs:
        return inbox_lags(suite, suite.stores[store], decided_from_ms)
    rows = psql(suite.psql, suite.dbs[store], f"""
        select event_id, round(extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000 - decided_ms)
        from (select event_id, xmin, extract(epoch from received_at) * 1000 - lag_ms as decided_ms
              from inbox_event where source = 'aws') applied
        where decided_ms >= {decided_from_ms} order by decided_ms""")
    return {event_id: int(float(ms)) for event_id, ms in (line.split("|") for line in rows.splitlines() if line)}


def inbox_lags(suite, store_url, decided_from_ms, limit_pages=400):
    """eventId → lagMs of the decision events made at or after decided_from_ms, oldest first (read newest first, in
    bounded pages)."""
    lags = {}
    for page in range(limit_pages):
        status, body = http("GET", f"{store_url}/admin/inbox?source=aws&size=500&page={page}", suite.admin, timeout=30)
        if status != 200 or not body.get("items"):
            break
        older = False
        for item in body["items"]:
            received = iso_ms(item["receivedAt"]) if item.get("receivedAt") else None
            lag = item.get("lagMs")
            if received is not None and received < decided_from_ms:
                older = True  # received before, so decided before: every later page is older still
                continue
            if received is not None and lag is not None and received - lag >= decided_from_ms:
                lags[item["eventId"]] = lag
        if older:
            break
    return dict(reversed(lags.items()))


def iso_ms(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000


def propagation(args):
    """Decisions at fixed rates; the latency of each is decision time at aws → review opened at both stores."""
    suite = Suite(args)
    tag = int(time.time())
    processes = dict(pair.split("=", 1) for pair in args.pids)
    pool, why = party_pool(suite, args.parties, f"Bench Propagation {tag}", f"prop{tag}")
    if pool is None:
        record(args.results, "propagation", status="not measured", note="endpoint missing or refused: " + why)
        return
    parties = [customer_id for customer_id, _, _ in pool]
    if args.warmup_seconds > 0:
        # the stores' and notification's code paths for a decision are cold until now: warm them up, unrecorded, at
        # a rate that leaves the JIT compilers CPU to work with (round 10; a saturating one starves them)
        pace(suite, parties, args.warmup_rate or min(args.rates), args.warmup_seconds)
    for rate in args.rates:
        quiesce(args.metrics, args.quiet_seconds, args.max_wait_seconds, args.results, f"before propagation at {rate}/s")
        since = time.time() * 1000 - 1000
        applied_before = {store: applied_from_aws(suite, url) for store, url in suite.stores.items()}
        cpu_before, jit_before = cpu_seconds(processes), jit_seconds(processes)
        sent, failures, elapsed = pace(suite, parties, rate, args.seconds)
        if sent == 0:
            record(args.results, "propagation", rate=rate, status="not measured",
                   note=f"every decision POST failed: {failures[:1]}")
            continue
        # let the stores catch up, bounded: the backlog is part of what is measured; the lags are read once, after
        await_applied(suite, applied_before, sent, args.drain_seconds)
        # where the CPU went, per decision: on 2 shared cores this is what caps the rate
        cpu_after, jit_after = cpu_seconds(processes), jit_seconds(processes)
        per_store = {store: store_lags(suite, store, since) for store in suite.stores}
        # in the order aws decided them, so that the run's first half comes before its second
        both = [max(per_store["apple"][e], per_store["google"][e])
                for e in per_store["apple"] if e in per_store["google"]]
        record(args.results, "propagation", rate=rate, status="measured", seconds=args.seconds,
               cpuMsPerDecision=ms_per_decision(cpu_before, cpu_after, sent),
               jitMsPerDecision=ms_per_decision(jit_before, jit_after, sent),
               latencyTo=suite.latency_end(),
               achievedRate=round(sent / elapsed, 1), decisions=sent, failedPosts=len(failures),
               failureSample=failures[:2], arrivedAtBoth=len(both), p50Ms=percentile(both, 50),
               p95Ms=percentile(both, 95), p99Ms=percentile(both, 99),
               backlogGrowing=backlog_growing(both))


def backlog_growing(lags):
    """Whether the stores fell further behind as the run went on: the median latency of the run's second half more
    than twice its first half's, and beyond the target's 50 ms (a climb from 10 to 25 ms is no backlog). lags must be
    in the order the decisions were made, or the halves mean nothing (round 16 of bench/NOTES.md)."""
    half = len(lags) // 2
    return bool(half) and median(lags[half:]) > 2 * max(PROPAGATION_TARGET_MS, median(lags[:half]))


def propagation_hops(args):
    """Each hop of the propagation path timed with only its own service running, which is what cores of their own
    would give each service; on this machine the four instances share two cores. Hop 1: aws' decision to the broker,
    while the stores and notification are stopped (SIGSTOP), received by a listener of its own (PeerFeed listen).
    Hop 2: the broker to a review opened at apple, while aws, google and notification are stopped, fed aws-signed
    decisions at the rate by PeerFeed send. The stopped instances keep their subscriptions, and drain what piled up
    once they are continued, before the next hop."""
    suite = Suite(args)
    tag = int(time.time())
    processes = dict(pair.split("=", 1) for pair in args.pids)
    pool, why = party_pool(suite, args.parties, f"Bench Hop {tag}", f"hop{tag}")
    if pool is None:
        record(args.results, "propagation-hop", status="not measured", note="endpoint missing or refused: " + why)
        return
    parties = [customer_id for customer_id, _, _ in pool]
    names = [f"{legal_name}|{domain}" for _, legal_name, domain in pool]
    feed = [args.java, "-cp", args.tools_cp, "PeerFeed"]
    for rate in args.rates:
        # each hop runs --warmup-seconds at the rate first, untimed: the listener and the feeder are new JVMs, and in
        # the first seconds after the quiet wait the lags were several times the steady ones (round 8)
        expected = int(rate * (args.warmup_seconds + args.seconds))
        # hop 1: aws alone; the listener stands in for the consumers, and its CPU is shown apart
        quiesce(args.metrics, args.quiet_seconds, args.max_wait_seconds, args.results, f"before hop 1 at {rate}/s")
        listener = subprocess.Popen(feed + ["listen", "127.0.0.1", str(args.amqp_port), "aws",
                                            str(int(args.warmup_seconds + args.seconds + args.drain_seconds)),
                                            str(expected)], stdout=subprocess.PIPE, text=True)
        if listener.stdout.readline().strip() != "READY":
            record(args.results, "propagation-hop", hop="aws", rate=rate, status="not measured",
                   note="the listener did not subscribe")
            continue
        with stopped(processes, ["apple", "google", "notification"]):
            pace(suite, parties, rate, args.warmup_seconds)
            timed_from = time.time() * 1000
            cpu_before = cpu_seconds(processes)
            sent, failures, elapsed = pace(suite, parties, rate, args.seconds)
            out, _ = listener.communicate()
            cpu_after = cpu_seconds(processes)
        heard = json.loads(out.strip().splitlines()[-1])
        # in arrival order, next to the results: where in the run the tail falls
        with open(os.path.join(os.path.dirname(args.results), f"hop-aws-{rate}-lags.json"), "w") as lags_file:
            json.dump(heard["lagsMs"], lags_file)
        cpu_before["listener"], cpu_after["listener"] = 0, heard["cpuSeconds"] * args.seconds / (
            args.warmup_seconds + args.seconds)
        record_hop(args, "aws", "listener", rate, sent, elapsed, failures,
                   [lag for event_time, lag in heard["lagsMs"] if event_time >= timed_from], cpu_before, cpu_after,
                   ["aws", "postgres", "broker+launcher", "load generator", "listener"])
        # hop 2: apple alone, fed at the rate by a feeder that stands in for aws and its load generator
        quiesce(args.metrics, args.quiet_seconds, args.max_wait_seconds, args.results, f"before hop 2 at {rate}/s")
        applied_before = applied_from_aws(suite, suite.stores["apple"])
        with stopped(processes, ["aws", "google", "notification"]):
            feeder = subprocess.Popen(feed + ["send", "127.0.0.1", str(args.amqp_port), "aws", str(rate),
                                              str(args.warmup_seconds + args.seconds)] + names,
                                      stdout=subprocess.PIPE, text=True)
            ready = feeder.stdout.readline().split()
            if not ready or ready[0] != "READY":
                feeder.kill()
                record(args.results, "propagation-hop", hop="apple", rate=rate, status="not measured",
                       note="the feeder did not connect")
                continue
            timed_from = int(ready[1]) + args.warmup_seconds * 1000
            time.sleep(max(0.0, timed_from / 1000 - time.time()))
            cpu_before = cpu_seconds(processes)
            out, _ = feeder.communicate()
            fed = json.loads(out.strip().splitlines()[-1])
            await_applied(suite, {"apple": applied_before}, fed["sent"], args.drain_seconds)
            cpu_after = cpu_seconds(processes)
        timed = int(rate * args.seconds)
        cpu_before["feeder"], cpu_after["feeder"] = 0, fed["cpuSeconds"] * timed / max(1, fed["sent"])
        lags = list(store_lags(suite, "apple", timed_from).values())
        refused = [f"{fed['refused']} refused by the broker"] if fed["refused"] else []
        record_hop(args, "apple", suite.latency_end(), rate, timed - fed["refused"], args.seconds, refused, lags,
                   cpu_before, cpu_after, ["apple", "postgres", "broker+launcher", "feeder"])
    quiesce(args.metrics, args.quiet_seconds, args.max_wait_seconds, args.results, "after the hops")


def record_hop(args, hop, latency_to, rate, sent, elapsed, failures, lags, cpu_before, cpu_after, counted):
    lags = sorted(lags)
    record(args.results, "propagation-hop", hop=hop, latencyTo=latency_to, rate=rate,
           status="measured" if lags else "not measured", seconds=args.seconds,
           achievedRate=round(sent / max(elapsed, 0.001), 1), decisions=sent, arrived=len(lags),
           failedPosts=len(failures), failureSample=failures[:2],
           p50Ms=percentile(lags, 50), p95Ms=percentile(lags, 95), p99Ms=percentile(lags, 99),
           cpuMsPerDecision=ms_per_decision(cpu_before, cpu_after, sent, counted))


class stopped:
    """SIGSTOP the named instances for the block, and SIGCONT them whatever happens in it. The kernel hangs up a
    process group that is orphaned while a member is stopped, so the parent of bench/run.sh must outlive the run
    (a terminal, CI, or setsid for a run in the background)."""

    def __init__(self, processes, names):
        self.pids = {name: int(processes[name]) for name in names if name in processes}

    def __enter__(self):
        for pid in self.pids.values():
            os.kill(pid, signal.SIGSTOP)

    def __exit__(self, *exc):
        gone = []
        for name, pid in self.pids.items():
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                gone.append(name)
        if gone:
            raise SystemExit(f"{', '.join(gone)} ended while stopped: was bench/run.sh's parent gone (see the "
                             "stopped class in bench.py)?")


def cpu_seconds(pids):
    """CPU time (user + system) each named process has used so far. 'postgres' sums every PostgreSQL process and what
    its exited children used: a backend or an autovacuum worker that ends during a run leaves the live processes,
    and the postmaster, which reaps it, counts its time as its children's."""
    of = lambda pid, with_children=False: stat_cpu(f"/proc/{pid}/stat", with_children)[1]
    used = {name: of(pid) for name, pid in pids.items()}
    postgres = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True).stdout.split()
    used["postgres"] = sum(of(pid, with_children=True) for pid in postgres)
    used["load generator"] = of(os.getpid())
    return used


def jit_seconds(pids):
    """CPU time each named JVM's JIT compiler threads have used so far: on two shared cores the four instances' C2
    compilers were still at work minutes into a propagation sequence, taking most of the CPU of its lowest rate
    (round 10). A process that is not a JVM has no such threads and counts 0. A compiler thread that the JVM ends
    while idle takes its time with it, so on machines with more cores this is a lower bound."""
    used = {}
    for name, pid in pids.items():
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            threads = []
        used[name] = sum(seconds for comm, seconds in (stat_cpu(f"/proc/{pid}/task/{tid}/stat") for tid in threads)
                         if comm.startswith(("C1 CompilerThre", "C2 CompilerThre")))
    return used


def stat_cpu(path, with_children=False):
    """(name, user + system CPU seconds) of a process or thread from its /proc stat file; ("", 0.0) once it has
    ended. With its children: also what its exited, reaped children used."""
    try:
        with open(path) as stat:
            text = stat.read()
        fields = text.rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_children else 0)
        return text[text.index("(") + 1:text.rindex(")")], ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return "", 0.0


def ms_per_decision(before, after, decisions, names=None):
    """CPU milliseconds per decision of each named process between two readings (a reading never goes back: a
    compiler thread that ended takes its time with it, which counts as none)."""
    return {name: round(max(0.0, after[name] - before[name]) * 1000 / max(1, decisions), 2)
            for name in (names or after)}


def metric_total(text, name):
    """The sum of every sample of a Prometheus metric, over all its labels."""
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and (len(line) == len(name) or line[len(name)] in " {"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def quiesce(metrics_urls, quiet_seconds, max_seconds, results, why):
    """Waits, bounded, until no instance consumes an event or has one in its outbox: a figure must not pay for the
    backlog the previous one left on the broker."""
    start = time.monotonic()
    last, quiet_since = None, time.monotonic()
    while time.monotonic() - start < max_seconds:
        consumed, backlog = 0.0, 0.0
        for url in metrics_urls:
            # the Prometheus text format: asked for JSON, the endpoint does not give the counters
            status, body = http("GET", url + "/q/metrics", timeout=10, headers={"Accept": "text/plain"})
            if status == 200 and isinstance(body, str):
                consumed += metric_total(body, "takedown_inbox_events_total")
                backlog += metric_total(body, "takedown_outbox_backlog")
        if status != 200 or consumed != last or backlog > 0:
            last, quiet_since = consumed, time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_seconds:
            print(f"  quiet {why} after {time.monotonic() - start:.0f} s", flush=True)
            return True
        time.sleep(0.5)
    record(results, "quiesce", status="timeout", note=f"still busy {why} after {max_seconds:.0f} s")
    return False


def add_quiet_options(parser):
    """The instances' metrics URLs to watch and how long to wait for quiet."""
    parser.add_argument("--metrics", nargs="+", required=True)
    parser.add_argument("--quiet-seconds", type=float, default=3)
    parser.add_argument("--max-wait-seconds", type=float, default=300)


def quiesce_command(args):
    quiesce(args.metrics, args.quiet_seconds, args.max_wait_seconds, args.results, args.why)


def pace(suite, customer_ids, rate, seconds):
    """Posts decisions at a fixed rate for a bounded time, round robin over the customers."""
    total = int(rate * seconds)
    failures, sent = [], [0]
    lock = threading.Lock()
    start = time.monotonic()

    def one(i):
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        customer_id = customer_ids[i % len(customer_ids)]
        status, body = suite.post(suite.aws, f"/customers/{customer_id}/decisions", decision_body(f"r{rate}-{i}"))
        with lock:
            if status in (200, 201):
                sent[0] += 1
            else:
                failures.append(f"{status}: {str(body)[:200]}")

    with ThreadPoolExecutor(max_workers=min(64, max(4, rate // 10))) as pool:
        list(pool.map(one, range(total)))
    return sent[0], failures, max(0.001, time.monotonic() - start)


def fanout(args):
    """One decision against a party with N listings at each store: time until every review case is open. One
    untimed fan-out first (the JIT compiles the path on it), then the median of --runs, each on a new party and
    after the suite has gone quiet again. With --untimed, one fan-out that is only printed: the profiled one, since
    a JFR recording slows the instance it records."""
    suite = Suite(args)
    timings = []
    for run in range(1 if args.untimed else args.runs + 1):
        label = "untimed" if args.untimed else "warm-up" if run == 0 else run
        quiesce(args.metrics, args.quiet_seconds, args.max_wait_seconds, args.results, f"before fan-out {label}")
        done, failure = one_fanout(suite, args, f"{int(time.time())}r{run}")
        if failure:
            record(args.results, "fanout", status=failure[0], listings=args.listings, evidence=args.evidence,
                   note=failure[1])
            return
        print(f"  fan-out {label}: {json.dumps(done)}", flush=True)
        if run > 0:
            timings.append(done)
    if args.untimed:
        return
    slowest = [max(done.values()) for done in timings]
    record(args.results, "fanout", status="measured", listings=args.listings, evidence=args.evidence,
           value=median(slowest), unit="ms", runs=timings,
           perStore={store: median([done[store] for done in timings]) for store in timings[0]})


def one_fanout(suite, args, tag):
    """Returns ({store: ms until its N cases were committed}, None), or (None, (status, why))."""
    party, why = set_up_party(suite, f"Bench Fanout {tag}", f"fanout{tag}.bench.example", 1)
    if party is None:
        return None, ("not measured", "endpoint missing or refused: " + why)
    # the other listings are cloned from the first in SQL: creating 10,000 through the API is not what is measured
    for store, db in (("apple", args.apple_db), ("google", args.google_db)):
        listing = party["listings"][store][0]
        psql(args.psql, db, f"""
            do $$ declare cols text; vals text; begin
              select string_agg(quote_ident(column_name), ','),
                     string_agg(case column_name when 'bundle_id' then 'l.bundle_id || ''.'' || n'
                                else 'l.' || quote_ident(column_name) end, ',')
                into cols, vals
                from information_schema.columns
               where table_name = 'listing' and table_schema = current_schema() and column_name <> 'id';
              execute format('insert into listing (%s) select %s from listing l, generate_series(2, {args.listings}) n
                              where l.id = {listing}', cols, vals);
            end $$;""")
    before = {store: review_count(args.psql, db) for store, db in (("apple", args.apple_db), ("google", args.google_db))}
    t0 = time.monotonic()
    status, body = suite.post(suite.aws, f"/customers/{party['customerId']}/decisions",
                              decision_body(f"fanout-{tag}", evidence=args.evidence))
    if status not in (200, 201):
        return None, ("not measured", f"decision POST answered {status}: {str(body)[:300]}")
    done = {}
    deadline = t0 + args.timeout
    while time.monotonic() < deadline and len(done) < 2:
        for store, db in (("apple", args.apple_db), ("google", args.google_db)):
            if store not in done and review_count(args.psql, db) - before[store] >= args.listings:
                done[store] = (time.monotonic() - t0) * 1000
        time.sleep(0.1)
    if len(done) < 2:
        return None, ("failed", f"not every review case opened within {args.timeout}s: {done}")
    return done, None


def review_count(psql_bin, db):
    return int(psql(psql_bin, db, "select count(*) from review_case").strip() or 0)


def psql(psql_bin, db, sql):
    out = subprocess.run([psql_bin, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return out.stdout


def stats_queries(args):
    """Times GET /stats (all time, and one 30-day window) over the seeded reports."""
    timings = {"all": [], "window": []}
    for name, query in (("all", ""), ("window", "?from=2020-12-15T00:00:00Z&to=2021-01-15T00:00:00Z")):
        for run in range(args.runs + 1):
            t0 = time.monotonic()
            status, body = http("GET", f"{args.aws}/stats{query}", args.admin_token, timeout=60)
            took = (time.monotonic() - t0) * 1000
            if status != 200:
                record(args.results, "stats", status="failed", note=f"GET /stats answered {status}: {str(body)[:300]}")
                return
            if run > 0:
                timings[name].append(took)
    record(args.results, "stats", status="measured", rows=args.rows, value=median(timings["all"]), unit="ms",
           windowMs=median(timings["window"]), p95Ms=percentile(timings["all"] + timings["window"], 95),
           samples=timings["all"])


def note(args):
    record(args.results, args.figure, status=args.status, note=args.text)


# ---------------------------------------------------------------- the report

HOPS = {"aws": "1 (aws decision → broker)", "apple": "2 (broker → review opened at apple)"}


LATENCY_TO = {"commit": " to the commit that opened the review", "listener": " to the listener",
              "inbox record": " to the inbox record (before its handlers and commit)"}


def latency_to(figure):
    """Where a latency ends, as the report says it; a run before commit times were kept ended at the inbox record."""
    return LATENCY_TO.get(figure.get("latencyTo", "inbox record"), "")


def sustains(p):
    """A rate is sustained when aws took it, both stores reviewed every decision, latency did not climb, and no
    backlog of a second or more stood in front of the stores."""
    return (p["achievedRate"] >= 0.95 * p["rate"] and p.get("failedPosts", 0) == 0
            and p["arrivedAtBoth"] >= p["decisions"] and not p["backlogGrowing"] and p["p95Ms"] <= 1000)


def round_ratios(figure, yardstick):
    """The ratio in each round, when both figures ran once per round (the intake figures, since round 13): shown
    beside the ratio of the medians, which is what the verdict reads."""
    a, b = figure.get("samples") or [], yardstick.get("samples") or []
    if len(a) < 2 or len(a) != len(b) or not all(b):
        return ""
    return " (rounds " + ", ".join(f"{x / y:.2f}" for x, y in zip(a, b)) + ")"


def render(args):
    rows = [json.loads(line) for line in open(args.results) if line.strip()]
    by = lambda figure: [r for r in rows if r["figure"] == figure]
    one = lambda figure: (by(figure) or [{"status": "not measured", "note": "not run"}])[-1]
    meta = json.load(open(args.meta))
    lines = []
    add = lines.append

    def value(r, unit=None):
        if r.get("status") != "measured":
            return f"not measured: {r.get('note') or r.get('status')}"
        return f"{r['value']:,.0f} {unit or r.get('unit', '')}".strip()

    def ratio(a, b, target):
        if a.get("status") != "measured" or b.get("status") != "measured" or not b.get("value"):
            return "—", "not measured"
        r = a["value"] / b["value"]
        return f"{r:.2f}", ("met" if r >= target else "missed") + f" (target ≥ {target})"

    pg, base, intake = one("pgbench"), one("baseline-insert"), one("intake")
    relay, emitter = one("relay"), one("emitter")
    table = []  # figure | measured | baseline (same run) | ratio | target
    table.append(["pgbench single-row insert, 16 clients", value(pg), "—", "—", "the yardstick"])
    r, verdict = ratio(base, pg, 0)
    table.append(["bare REST + Panache insert, 16 connections", value(base), value(pg) + " (pgbench)", r,
                  "context: the stack's own cost"])
    spread = one("intake-spread")
    figures = [("report intake, 16 connections", intake)]
    if spread.get("status") != "not measured":
        figures.append((f"report intake over {spread.get('customers')} customers, 16 connections", spread))
    for label, figure in figures:
        for yardstick, name, target in ((pg, "pgbench", 0.5), (base, "bare service", 1.0)):
            r, verdict = ratio(figure, yardstick, target)
            table.append([label, value(figure), f"{value(yardstick)} ({name})", r + round_ratios(figure, yardstick),
                          verdict])
    r, verdict = ratio(relay, emitter, 0.8)
    if relay.get("roundRatios"):
        r += " (rounds " + ", ".join(f"{x:.2f}" for x in relay["roundRatios"]) + ")"
    table.append(["outbox relay throughput", value(relay), value(emitter) + " (Emitter.send)", r, verdict])
    for p in by("propagation") or [one("propagation")]:
        label = "propagation aws → apple+google" + (f" at {p['rate']}/s" if p.get("rate") else "")
        if p.get("status") == "measured":
            shown = (f"p50 {p['p50Ms']} ms, p95 {p['p95Ms']} ms, p99 {p['p99Ms']} ms{latency_to(p)} "
                     f"(achieved {p['achievedRate']}/s over {p['seconds']} s, {p['arrivedAtBoth']} of "
                     f"{p['decisions']} reviewed at both, {p.get('failedPosts', 0)} POSTs refused, "
                     f"backlog growing: {p['backlogGrowing']})")
            if p.get("cpuMsPerDecision"):
                shown += "; CPU ms per decision: " + ", ".join(f"{k} {v}" for k, v in p["cpuMsPerDecision"].items())
            if p.get("jitMsPerDecision"):
                shown += "; of which JIT compiler threads: " + ", ".join(
                    f"{k} {v}" for k, v in p["jitMsPerDecision"].items() if v)
            met = p["p99Ms"] <= PROPAGATION_TARGET_MS
            verdict = (f"{'met' if met else 'missed'} (p99 ≤ {PROPAGATION_TARGET_MS} ms)" if p.get("rate") == 200
                       else "reported")
        else:
            shown, verdict = f"not measured: {p.get('note')}", "not measured"
        table.append([label, shown, "—", "—", verdict])
    sustained = [p["rate"] for p in by("propagation") if p.get("status") == "measured" and sustains(p)]
    if by("propagation"):
        table.append(["propagation: highest rate sustained", f"{max(sustained)}/s" if sustained
                      else "none of the rates tried", "—", "—", "reported (rates tried: "
                      + ", ".join(str(p["rate"]) for p in by("propagation")) + "/s)"])
    hops = by("propagation-hop")
    for h in hops:
        label = (f"propagation hop {HOPS.get(h.get('hop'), h.get('hop'))} alone"
                 + (f" at {h['rate']}/s" if h.get("rate") else ""))
        if h.get("status") == "measured":
            shown = (f"p50 {h['p50Ms']} ms, p95 {h['p95Ms']} ms, p99 {h['p99Ms']} ms{latency_to(h)} "
                     f"(achieved {h['achievedRate']}/s, "
                     f"{h['arrived']} of {h['decisions']} arrived); CPU ms per decision: "
                     + ", ".join(f"{k} {v}" for k, v in h["cpuMsPerDecision"].items()))
        else:
            shown = f"not measured: {h.get('note')}"
        table.append([label, shown, "—", "—", "reported"])
    for rate in sorted({h["rate"] for h in hops if h.get("status") == "measured"}):
        both = [h for h in hops if h.get("rate") == rate and h.get("status") == "measured"]
        if len(both) == 2:
            total = sum(h["p99Ms"] for h in both)
            table.append([f"propagation hop by hop at {rate}/s: the two p99s added", f"{total} ms", "—", "—",
                          ("within" if total <= 50 else "over") + " 50 ms (an estimate for services on cores of "
                          "their own, not the end-to-end target)"])
    f = one("fanout")
    fanout_shown = value(f)
    if f.get("status") == "measured" and f.get("runs"):
        fanout_shown += (f" (median of {len(f['runs'])} after one warm-up; per store "
                         + ", ".join(f"{store} {ms:,.0f} ms" for store, ms in sorted(f["perStore"].items())) + ")")
    letter = f" with {f['evidence']} pieces of evidence" if f.get("evidence", 1) > 1 else ""
    table.append([f"fan-out of one decision{letter} to {f.get('listings', 10000):,} listings", fanout_shown, "—", "—",
                  ("met" if f.get("value", 1e9) <= 5000 else "missed") + " (≤ 5 s)" if f.get("status") == "measured"
                  else "not measured"])
    s = one("stats")
    table.append([f"statistics over {s.get('rows', meta['stats_rows']):,} reports", value(s) if s.get("status") != "measured"
                  else f"{s['value']:.0f} ms all time, {s['windowMs']:.0f} ms for 30 days (p95 {s['p95Ms']:.0f} ms)",
                  "—", "—", ("met" if s.get("p95Ms", 1e9) <= 200 else "missed") + " (≤ 200 ms)"
                  if s.get("status") == "measured" else "not measured"])
    if not by("startup"):
        table.append(["start-up and idle RSS per service", "not measured: " + one("startup-skipped").get("note", ""),
                      "—", "—", "not measured"])
    for st in by("startup"):
        if st.get("status") != "measured":
            table.append([f"start-up {st['service']} ({st['variant']})", f"not measured: {st.get('note')}", "—", "—",
                          "not measured"])
            continue
        base_variant = BASELINE_VARIANT.get(st["variant"], st["variant"])
        base_st = next((b for b in by("startup") if b["service"] == "baseline" and b["variant"] == base_variant
                        and b.get("status") == "measured"), None)
        started = st["logMs"] if st.get("logMs") is not None else st["readyMs"]
        shown = (f"{started / 1000:.2f} s to \"started in\" ({st['readyMs'] / 1000:.2f} s to ready; Quarkus says "
                 f"{(st.get('quarkusMs') or 0) / 1000:.2f} s)")
        compare = "—" if base_st is None or st["service"] == "baseline" else f"{(base_st['logMs'] or base_st['readyMs']) / 1000:.2f} s (baseline{'' if base_variant == st['variant'] else ', ' + base_variant})"
        r = "—" if compare == "—" else f"{started / (base_st['logMs'] or base_st['readyMs']):.2f}"
        quarkus_ms = st.get("quarkusMs") or 1e9
        verdict = "reported" if st["service"] == "baseline" else (
            ("met" if started <= 1500 else "missed") + " (≤ 1.5 s from process start; by Quarkus' own \"started in\" "
            + ("met" if quarkus_ms <= 1500 else "missed") + ")")
        table.append([f"start-up {st['service']} ({st['variant']})", shown, compare, r, verdict])
    for st in by("startup"):
        if st.get("status") == "measured" and st.get("rssIdleMb") is not None:
            limit_met = st["service"] == "baseline" or st["rssIdleMb"] <= 200
            table.append([f"RSS {st['service']} idle, alone ({st['variant']})", f"{st['rssIdleMb']:.0f} MB", "—", "—",
                          "reported" if st["service"] == "baseline" else ("met" if limit_met else "missed")
                          + " (≤ 200 MB)"])
    for m in by("rss"):
        limit = 200 if m["state"].startswith("idle") else 400
        verdict = "reported" if m["service"] == "baseline" or m["rssMb"] is None else (
            ("met" if m["rssMb"] <= limit else "missed") + f" (≤ {limit} MB)")
        shown = "—" if m["rssMb"] is None else f"{m['rssMb']:.0f} MB"
        table.append([f"RSS {m['service']} {m['state']}", shown, "—", "—", verdict])
    if not any(m["state"] == "under intake load" and m["service"] != "baseline" for m in by("rss")):
        table.append(["RSS aws under intake load", "not measured: " + (intake.get("note") or "no intake load"), "—",
                      "—", "not measured"])

    add("# Benchmarks")
    add("")
    add("Generated by `bench/run.sh`; do not edit by hand, run it again. The issue's rule: medians of several runs, and")
    add("ratios against a baseline measured **in the same run**, on the same PostgreSQL, never an absolute figure alone.")
    add("")
    add("## The run")
    add("")
    add(f"- Command: `{meta['command']}`")
    add(f"- When: {meta['when']} (git `{meta['commit']}`)")
    add(f"- Machine: {meta['nproc']} CPUs ({meta['cpu']}), {meta['memory']} memory, {meta['jdk']}, {meta['os']}")
    add(f"- Load average when the run began: {meta['load']} — {meta['shared_note']}")
    add(f"- PostgreSQL: {meta['postgres']}; broker: the suite's Artemis (AMQP 1.0, persistence off in the local launcher)")
    add(f"- Services: the packaged jars (JVM mode, `-XX:+UseSerialGC -Xmx384m`, as the local launcher runs them), pool "
        f"size 20; wrk {meta['wrk_threads']} threads × 16 connections")
    add(f"- Settings: warm-up {meta['warmup']} s per load figure, {meta['duration']} s per measured run, "
        f"median of {meta['runs']} runs; propagation {meta['prop_seconds']} s per rate after "
        f"{meta.get('prop_warmup', meta['warmup'])} s at {meta.get('prop_warmup_rate', 100)}/s; start-up median of "
        f"{meta['startup_runs']} starts per service")
    add("")
    add("## Figures")
    add("")
    add("| figure | measured | baseline, same run | ratio | target |")
    add("|---|---|---|---|---|")
    for row in table:
        add("| " + " | ".join(str(c).replace("|", "/") for c in row) + " |")
    add("")
    for p in by("startup-profile"):
        add(f"## Start-up profile of {p['service']} ({p['variant']}, async-profiler)")
        add("")
        add("One start, stopped once ready. CPU time by thread: "
            + ", ".join(f"{k} {v:.2f} s" for k, v in p["cpuSeconds"].items())
            + f". The wall time of `main`, {p['mainSeconds']:.2f} s, by Quarkus start step (the build step that "
            "recorded it; `Arc.notifyBeanContainerListeners` is where Hibernate ORM builds its metadata):")
        add("")
        add("| step | seconds on main | of which parked |")
        add("|---|---|---|")
        for step, seconds, parked in p["mainSteps"]:
            add(f"| {step} | {seconds:.2f} | {parked:.2f} |")
        add("")
    profiles = by("profile")
    if profiles:
        add("## Profiles (JFR execution samples)")
        add("")
        for p in profiles:
            add(f"`{p['service']}`, {p['samples']} samples. Busiest libraries (first non-JDK frame): "
                + ", ".join(f"`{k}` {v}" for k, v in p["topPackages"]) + ".")
            add("")
            add("Hottest methods: " + ", ".join(f"`{k}` {v}" for k, v in p["topMethods"][:6]) + ".")
            add("")
            if p.get("topThreads"):
                add("Busiest threads: " + ", ".join(f"`{k}` {v}" for k, v in p["topThreads"]) + ".")
                add("")
    cadence = by("relay-cadence")
    if cadence:
        add("Outbox relay cadence (aws' `takedown_outbox_sent_total` read every 40 ms; it grows by a batch once "
            "the broker has accepted all of it): " + cadence[-1]["note"] + ".")
        add("")
    add("## Raw results")
    add("")
    add("Each line as `bench/tools/bench.py` recorded it (samples are the individual runs):")
    add("")
    add("```")
    lines.extend(json.dumps(r) for r in rows)
    add("```")
    add("")
    if args.notes and os.path.exists(args.notes):
        lines.append(open(args.notes).read().rstrip())
        add("")
    with open(args.output, "w") as out:
        out.write("\n".join(lines))
    width = [max(len(str(row[i])) for row in table) for i in range(5)]
    print()
    for row in [["figure", "measured", "baseline, same run", "ratio", "target"]] + table:
        print("  ".join(str(c).ljust(min(w, 60))[:90] for c, w in zip(row, width)))
    print(f"\nWrote {args.output}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("startup")
    p.add_argument("--name", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--java", default="java")
    p.add_argument("--env-of-pid", type=int)
    p.add_argument("--set", action="append")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--idle-seconds", type=float, default=5)
    p.add_argument("--variant")
    p.add_argument("jvm_args", nargs="*")
    p.set_defaults(run=startup)

    p = sub.add_parser("rss")
    p.add_argument("--state", required=True)
    p.add_argument("pids", nargs="+")
    p.set_defaults(run=rss)

    p = sub.add_parser("sample-rss")
    p.add_argument("--state", required=True)
    p.add_argument("--stop-file", required=True)
    p.add_argument("--max-seconds", type=float, default=900)
    p.add_argument("pids", nargs="+")
    p.set_defaults(run=sample_rss)

    p = sub.add_parser("profile")
    p.add_argument("--name", required=True)
    p.add_argument("--jfr", default="jfr")
    p.add_argument("--top", type=int, default=8)
    p.add_argument("recording")
    p.set_defaults(run=profile_summary)

    p = sub.add_parser("startup-profile")
    p.add_argument("--name", required=True)
    p.add_argument("--variant", required=True)
    p.add_argument("--cpu", required=True, help="async-profiler's collapsed output of event=cpu")
    p.add_argument("--cpu-interval-ms", type=float, required=True)
    p.add_argument("--wall", required=True, help="async-profiler's collapsed output of event=wall")
    p.add_argument("--wall-interval-ms", type=float, required=True)
    p.add_argument("--top", type=int, default=10)
    p.set_defaults(run=startup_profile)

    p = sub.add_parser("wrk")
    p.add_argument("--figure", required=True)
    p.add_argument("--customers", type=int, help="the customers an intake figure spread its reports over")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=wrk_result)

    p = sub.add_parser("pgbench")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=pgbench_result)

    p = sub.add_parser("emit-once")
    p.add_argument("--url", required=True)
    p.add_argument("--source", required=True, help="the provider whose signed envelopes the file holds")
    p.add_argument("file")
    p.set_defaults(run=emit_once)

    p = sub.add_parser("relay-rounds")
    p.add_argument("--unsent", type=int, required=True, help="outbox rows left once the relay's runs were over")
    p.add_argument("--relay", nargs="*", default=[], help="the relay's rate in each round (empty if it failed)")
    p.add_argument("--emitter", nargs="*", default=[], help="Emitter.send's rate in each round (empty if it failed)")
    p.set_defaults(run=relay_rounds)

    p = sub.add_parser("relay-watch")
    p.add_argument("--metrics", required=True, help="aws' base URL")
    p.add_argument("--events", type=int, required=True)
    p.add_argument("--ready", required=True, help="a file written once the counter's start is read")
    p.add_argument("--interval", type=float, default=0.04)
    p.add_argument("--timeout", type=float, default=120)
    p.set_defaults(run=relay_watch)

    p = sub.add_parser("quiesce")
    add_quiet_options(p)
    p.add_argument("--why", default="")
    p.set_defaults(run=quiesce_command)

    for name, fn in (("propagation", propagation), ("propagation-hops", propagation_hops), ("fanout", fanout)):
        p = sub.add_parser(name)
        p.add_argument("--aws", required=True)
        p.add_argument("--apple", required=True)
        p.add_argument("--google", required=True)
        p.add_argument("--admin-token", required=True)
        p.add_argument("--psql", default="psql")
        p.set_defaults(run=fn)
        if name.startswith("propagation"):
            p.add_argument("--rates", type=int, nargs="+", default=[50, 200, 1000])
            p.add_argument("--seconds", type=float, default=60)
            p.add_argument("--drain-seconds", type=float, default=60)
            p.add_argument("--parties", type=int, default=40)
            p.add_argument("--pids", nargs="*", default=[], help="name=PID of each process whose CPU to account")
            p.add_argument("--store-dbs", nargs="*", default=[],
                           help="store=DATABASE; given when PostgreSQL keeps commit times (track_commit_timestamp)")
            add_quiet_options(p)
        if name == "propagation":
            p.add_argument("--warmup-seconds", type=float, default=0)
            p.add_argument("--warmup-rate", type=int, default=0, help="decisions/s of the warm-up; 0: the lowest rate")
        elif name == "propagation-hops":
            p.add_argument("--warmup-seconds", type=float, default=10, help="untimed seconds at the rate first")
            p.add_argument("--java", default="java")
            p.add_argument("--tools-cp", required=True, help="class path of PeerFeed and the services' libraries")
            p.add_argument("--amqp-port", type=int, default=5672)
        elif name == "fanout":
            p.add_argument("--apple-db", required=True)
            p.add_argument("--google-db", required=True)
            p.add_argument("--listings", type=int, default=10000)
            p.add_argument("--evidence", type=int, default=1, help="pieces of evidence in the decision")
            p.add_argument("--timeout", type=float, default=120)
            p.add_argument("--runs", type=int, default=3)
            p.add_argument("--untimed", action="store_true", help="one fan-out, printed and not recorded")
            add_quiet_options(p)

    p = sub.add_parser("stats")
    p.add_argument("--aws", required=True)
    p.add_argument("--admin-token", required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--runs", type=int, default=5)
    p.set_defaults(run=stats_queries)

    p = sub.add_parser("note")
    p.add_argument("--figure", required=True)
    p.add_argument("--status", default="not measured")
    p.add_argument("text")
    p.set_defaults(run=note)

    p = sub.add_parser("render")
    p.add_argument("--meta", required=True)
    p.add_argument("--output", required=True)
    p.add_argument("--notes")
    p.set_defaults(run=render)

    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    sys.exit(main())
