"""Load on the public pages: `qogam serve --production` (gunicorn) against Django's development
server, measured in the same run, on a registry of synthetic organisations, 127.0.0.1 only.

    python benchmarks/load.py [--orgs 10000] [--seconds 60] [--clients 1 8 32] [--data-dir DIR]

Servers: ``development`` (``qogam serve``), ``production`` (``qogam serve --production``: gunicorn,
its workers sharing the public pages' cache) and ``uncached`` (the same with
``QOGAM_PAGE_CACHE_SECONDS=0``: every page rendered). For each server and each number of clients, the clients (threads of this process, each with
one request in flight, a new connection per request, no think time) ask for the public pages
for ``--seconds``: the home page, the lists (first and a later page, filtered), organisations,
people, areas, events, statements, search. It prints the requests, errors (any status but
200 or a failed connection), throughput and the 50th / 95th / 99th percentile latency, and the
production server's throughput as a ratio of the development server's. Bounded in time: each
measurement stops after ``--seconds``; a server that does not start in 60 s is an error.

``--data-dir`` reuses a registry made before (`qogam setup` and `qogam demo-data --orgs N`);
without it one is made in a temporary directory (about 30 s for 10,000 organisations).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

URLS = """
from qogam.registry import setup_django; setup_django()
import json
from qogam.registry.core.models import Area, Event, Organization, Person
orgs = list(Organization.objects.order_by("pk").values_list("pk", flat=True)[::97][:40])
people = list(Person.objects.order_by("pk").values_list("pk", flat=True)[::193][:40])
areas = list(Area.objects.exclude(classification="village").values_list("slug", flat=True)[:15])
events = list(Event.objects.values_list("pk", flat=True)[:10])
urls = ["/", "/organisations/", "/organisations/?page=20", "/organisations/?type=public_association",
        "/people/", "/people/?page=30", "/areas/", "/events/", "/statements/", "/posts/",
        "/search/?q=бірлестігі", "/search/?q=Ержан", "/ru/", "/ru/organisations/", "/en/people/"]
urls += [f"/organisations/{pk}/" for pk in orgs] + [f"/people/{pk}/" for pk in people]
urls += [f"/areas/{slug}/" for slug in areas] + [f"/events/{pk}/" for pk in events]
print(json.dumps(urls))
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(name: str, port: int, env: dict[str, str], extra: list[str]) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "qogam.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    production = name.startswith("production")
    if production:
        args += ["--production", *extra]
    if name == "production-uncached":
        env = dict(env, QOGAM_PAGE_CACHE_SECONDS="0")
    server = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"the {name} server did not start in 60 s")


def _load(port: int, urls: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        mine: list[float] = []
        failed = 0
        while time.monotonic() < deadline:
            url = rng.choice(urls)
            start = time.perf_counter()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", url, headers={"Accept-Language": "kk"})
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")

    return {"requests": len(ordered), "errors": errors[0], "rps": len(ordered) / elapsed, "p50": pct(0.50),
            "p95": pct(0.95), "p99": pct(0.99), "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--servers", nargs="+", default=["development", "production", "uncached"],
                        choices=["development", "production", "uncached"],
                        help="uncached: the production server with the public pages' cache off")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON too.")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: qogam's, 2 × CPUs + 1)")
    parser.add_argument("--threads", type=int, help="threads per gunicorn worker (default: qogam's, 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data_dir or Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QOGAM_PRODUCTION", "QOGAM_PAGE_CACHE_SECONDS")}
        env["QOGAM_DATA_DIR"] = str(data)
        qogam = [sys.executable, "-m", "qogam.cli"]
        if args.data_dir is None:
            subprocess.run([*qogam, "setup"], env=env, check=True, capture_output=True)
            subprocess.run([*qogam, "demo-data", "--orgs", str(args.orgs), "--no-progress"], env=env, check=True,
                           capture_output=True)
        urls = [quote(u, safe="/?=&") for u in json.loads(subprocess.run(
            [sys.executable, "-c", URLS], env=env, check=True, capture_output=True, text=True).stdout)]
        print(f"{len(urls)} public pages, {args.seconds:g} s a measurement, {os.cpu_count()} CPUs")
        print(f"{'server':12} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
        results: dict[str, dict[int, dict[str, float]]] = {}
        for name in args.servers:
            port = _port()
            extra = ([f"--workers={args.workers}"] if args.workers else []) + (
                [f"--threads={args.threads}"] if args.threads else [])
            server = _start("production-uncached" if name == "uncached" else name, port, env, extra)
            try:
                _load(port, urls, 4, min(5.0, args.seconds))  # warm up: imports, caches, connections
                for clients in args.clients:
                    r = _load(port, urls, clients, args.seconds)
                    results.setdefault(name, {})[clients] = r
                    print(f"{name:12} {clients:>7} {r['requests']:>8} {r['errors']:>6} {r['rps']:>7.1f} {r['p50']:>7.1f} "
                          f"{r['p95']:>7.1f} {r['p99']:>7.1f}", flush=True)
            finally:
                server.terminate()
                server.wait(timeout=30)
        if "development" in results:
            for name in ("production", "uncached"):
                for clients in args.clients if name in results else []:
                    ratio = results[name][clients]["rps"] / max(results["development"][clients]["rps"], 1e-9)
                    print(f"{name} / development throughput at {clients} clients: {ratio:.2f}×")
        if args.json:
            print(json.dumps(results))
    errors = sum(r["errors"] for by in results.values() for r in by.values())
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
