#!/usr/bin/env python3
"""The clients of scripts/load-bulk-approve: a clerk enters a year's figures through
the entry form and sends them for approval; a leader opens the review page filtered
to that year and approves every figure shown in one post ("Duyệt tất cả"). Prints a
JSON line with the number approved and the time of that one post (wall clock,
client included). Exits 1 if anything is refused or fewer figures are approved.

usage: approver.py BASE TERM_ID YEAR CLERK LEADER PASSWORD
"""
import json
import re
import sys
import time
import urllib.parse

from importer import Browser, csrf_of

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def signed_in(base, user, password):
    b = Browser(base)
    _, _, page = b.send("GET", "/login")
    form = urllib.parse.urlencode({"csrf": csrf_of(page.decode()), "username": user, "password": password})
    b.send("POST", "/login", form, FORM)
    if "rd_session" not in b.cookies:
        sys.exit(f"sign-in of {user} failed")
    return b


def main():
    base, term, year, clerk, leader, password = sys.argv[1:7]
    c = signed_in(base, clerk, password)
    path = f"/entry/{term}/{year}"
    _, _, page = c.send("GET", path)
    page = page.decode()
    ids = re.findall(r'name="v_(\d+)"', page)
    fields = [("csrf", csrf_of(page))]
    for k, i in enumerate(ids):
        m = re.search(rf'name="ver_{i}"[^>]*value="(\d*)"', page)
        fields += [(f"v_{i}", str((k * 37 + int(year)) % 97 + 1)), (f"ver_{i}", m.group(1) if m else "0")]
    status, _, body = c.send("POST", path, urllib.parse.urlencode(fields), FORM)
    if status != 303:
        sys.exit(f"saving the year answered {status}: {body[:300]!r}")
    _, _, page = c.send("GET", path)
    status, _, _ = c.send("POST", f"{path}/submit", urllib.parse.urlencode({"csrf": csrf_of(page.decode())}), FORM)
    if status != 303:
        sys.exit(f"submitting the year answered {status}")

    l = signed_in(base, leader, password)
    _, _, page = l.send("GET", f"/review?term={term}&year={year}")
    page = page.decode()
    shown = re.findall(r'name="shown" value="([^"]*)"', page)
    form = [("csrf", csrf_of(page)), ("scope", "all"), ("back", f"term={term}&year={year}")]
    form += [("shown", s) for s in shown]
    started = time.perf_counter()
    status, headers, body = l.send("POST", "/review/approve", urllib.parse.urlencode(form), FORM)
    ms = (time.perf_counter() - started) * 1000
    approved = re.search(r"approved=(\d+)", headers.get("location", ""))
    if status != 303 or not approved or int(approved.group(1)) != len(shown):
        sys.exit(f"bulk approval answered {status} {headers.get('location')}: {body[:300]!r}")
    print(json.dumps({"year": int(year), "figures": len(shown), "post_ms": round(ms, 1)}))


if __name__ == "__main__":
    main()
