#!/usr/bin/env python3
"""Starts the server and times it to its first answer.

usage: start.py LOG URL -- COMMAND...
Spawns COMMAND (stdout and stderr to LOG), polls GET URL every millisecond until it
answers 200, prints "PID MILLISECONDS" and exits, leaving the server running.
Exits 1 (after killing the server) if there is no answer within 60 s.
"""
import http.client
import subprocess
import sys
import time
import urllib.parse


def main():
    log, url = sys.argv[1], sys.argv[2]
    command = sys.argv[sys.argv.index("--") + 1:]
    u = urllib.parse.urlsplit(url)
    t0 = time.perf_counter()
    with open(log, "ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=out, stdin=subprocess.DEVNULL)
    while time.perf_counter() - t0 < 60:
        if proc.poll() is not None:
            print(f"server exited with {proc.returncode}, see {log}", file=sys.stderr)
            sys.exit(1)
        try:
            c = http.client.HTTPConnection(u.hostname, u.port, timeout=5)
            c.request("GET", u.path + (("?" + u.query) if u.query else ""))
            r = c.getresponse()
            r.read()
            c.close()
            if r.status == 200:
                ms = (time.perf_counter() - t0) * 1000
                print(f"{proc.pid} {ms:.0f}")
                return
        except OSError:
            pass
        time.sleep(0.001)
    proc.kill()
    print(f"no answer from {url} within 60 s, see {log}", file=sys.stderr)
    sys.exit(1)


main()
