#!/usr/bin/env python3
"""The writer of scripts/load-writes: saves one figure every INTERVAL seconds for
SECONDS seconds through the write API (PUT …/values/{year}, Bearer token), each with
the version it expects, cycling over the given cells; then checks in the database
itself that every acknowledged write is there: each cell holds the last value
acknowledged for it, at the version the server answered, and the audit log has one
`value.save` per acknowledged write. Prints a JSON summary; exits 1 on any error or
lost write.

usage: writer.py BASE TOKEN CELLS SECONDS INTERVAL DATABASE_URL USERNAME
  CELLS: "id:year,id:year,…"
"""
import http.client
import json
import subprocess
import sys
import time
import urllib.parse
from decimal import Decimal


def main():
    base, token, cells, seconds, interval, db_url, username = sys.argv[1:8]
    seconds, interval = float(seconds), float(interval)
    cells = [tuple(int(x) for x in c.split(":")) for c in cells.split(",")]
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    acked = {}  # cell -> (value, version)
    writes = errors = 0
    latencies = []
    problems = []
    t0 = time.monotonic()
    n = 0
    while True:
        due = t0 + n * interval
        now = time.monotonic()
        if due - t0 >= seconds:
            break
        if due > now:
            time.sleep(due - now)
        cell = cells[n % len(cells)]
        # Whole numbers from 1 to 97 fit every unit (counts, money, percentages);
        # two writes to one cell are a cycle of cells apart, so always differ.
        value = str(n % 97 + 1)
        body = {"value": value, "note": f"load-writes {n}"}
        if cell in acked:
            body["expected_version"] = acked[cell][1]
        started = time.monotonic()
        try:
            conn.request(
                "PUT",
                f"/api/v1/indicators/{cell[0]}/values/{cell[1]}",
                body=json.dumps(body),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            r = conn.getresponse()
            text = r.read()
            status = r.status
        except OSError as e:
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            status, text = 0, str(e).encode()
        latencies.append(time.monotonic() - started)
        writes += 1
        if status == 200:
            stored = json.loads(text)
            acked[cell] = (Decimal(stored["value"]), stored["version"])
            if Decimal(stored["value"]) != Decimal(value):
                problems.append(f"{cell}: answered {stored['value']} for {value}")
        else:
            errors += 1
            problems.append(f"{cell}: HTTP {status} {text[:200]!r}")
        n += 1
    conn.close()
    # What the database holds, read without the server.
    lost = []
    stored = read_back(db_url, username, [c for c in acked])
    for cell, (value, version) in acked.items():
        got = stored["cells"].get(cell)
        if got is None or got[0] != value or got[1] != version:
            lost.append(f"{cell}: acknowledged {value} v{version}, stored {got}")
    acked_writes = writes - errors
    if stored["saves"] != acked_writes:
        lost.append(f"audit log has {stored['saves']} saves for {acked_writes} acknowledged writes")
    latencies.sort()
    pick = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 1)
    summary = {
        "writes": writes,
        "acknowledged": acked_writes,
        "errors": errors,
        "lost": len(lost),
        "p50_ms": pick(0.5) if latencies else None,
        "p99_ms": pick(0.99) if latencies else None,
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "problems": (problems + lost)[:10],
    }
    print(json.dumps(summary))
    sys.exit(1 if errors or lost or not acked_writes else 0)


def read_back(db_url, username, cells):
    ids = sorted({c[0] for c in cells})
    id_list = ",".join(str(i) for i in ids)
    values_sql = f"SELECT indicator_id, period, CAST(value AS TEXT), version FROM indicator_values WHERE indicator_id IN ({id_list})"
    audit_sql = f"SELECT COUNT(*) FROM audit_log WHERE username = '{username}' AND action = 'value.save'"
    if db_url.startswith("sqlite:"):
        import sqlite3
        path = db_url.split("://", 1)[1].split("?")[0]
        con = sqlite3.connect(path)
        rows = con.execute(values_sql).fetchall()
        saves = con.execute(audit_sql).fetchone()[0]
        con.close()
    else:
        def psql(sql):
            out = subprocess.run(["psql", "-At", "-F", "\t", db_url, "-c", sql],
                                 check=True, capture_output=True, text=True).stdout
            return [line.split("\t") for line in out.splitlines() if line]
        rows = psql(values_sql)
        saves = int(psql(audit_sql)[0][0])
    cells_out = {}
    for ind, period, value, version in rows:
        if str(period).isdigit():
            cells_out[(int(ind), int(period))] = (Decimal(value), int(version))
    return {"cells": cells_out, "saves": int(saves)}


main()
