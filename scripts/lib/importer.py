#!/usr/bin/env python3
"""The client of scripts/load-import: signs in as a clerk and imports figures through
the pages, as a person would: for each year, download the CSV template, fill in
every row, upload it (checked and previewed), confirm (saved in one transaction).
Prints one line per upload and a JSON summary of the timings (wall clock, client
included). Exits 1 if a save is refused or saves nothing.

usage: importer.py BASE USERNAME PASSWORD TERM_ID RUN YEAR...
"""
import csv
import html
import http.client
import io
import json
import re
import sys
import time
import urllib.parse


class Browser:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.base, self.host, self.port, self.cookies = base, u.hostname, u.port, {}

    def send(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection(self.host, self.port, timeout=120)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            h["Origin"] = self.base
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";")[0]
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def csrf_of(page):
    m = re.search(r'name="csrf"[^>]*value="([^"]*)"', page)
    return html.unescape(m.group(1)) if m else ""


def main():
    base, user, password, term, run = sys.argv[1:6]
    years = sys.argv[6:]
    b = Browser(base)
    _, _, page = b.send("GET", "/login")
    form = urllib.parse.urlencode({"csrf": csrf_of(page.decode()), "username": user, "password": password})
    status, _, _ = b.send("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    if "rd_session" not in b.cookies:
        print(f"sign-in failed ({status})", file=sys.stderr)
        sys.exit(1)
    results, failed = [], False
    for year in years:
        status, _, template = b.send("GET", f"/import/{term}/{year}/template.csv")
        if status != 200:
            print(f"template {status}", file=sys.stderr)
            sys.exit(1)
        text = template.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        header, body_rows = rows[0], [r for r in rows[1:] if r]
        value_col = header.index("Giá trị")
        for k, r in enumerate(body_rows):
            # Whole numbers 1–97 fit every unit (counts, money, percentages).
            r[value_col] = str((k * 37 + int(run) * 11) % 97 + 1)
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([header] + body_rows)
        file_bytes = out.getvalue().encode("utf-8")
        _, _, entry = b.send("GET", f"/import/{term}/{year}")
        csrf = csrf_of(entry.decode())
        boundary = "----rd-load-import"
        multipart = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nhap-lieu-{year}.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n"
        ).encode() + file_bytes + f"\r\n--{boundary}--\r\n".encode()
        t0 = time.perf_counter()
        status, _, preview = b.send("POST", f"/import/{term}/{year}", multipart,
                                    {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        t1 = time.perf_counter()
        if status != 200:
            print(f"upload {year}: {status} {preview[:300]!r}", file=sys.stderr)
            sys.exit(1)
        page = preview.decode()
        confirm = page[page.index("/confirm"):]
        fields = [(html.unescape(n), html.unescape(v)) for n, v in
                  re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', confirm)]
        if not any(n == "csrf" for n, _ in fields):
            fields.append(("csrf", csrf_of(confirm)))
        t2 = time.perf_counter()
        status, headers, _ = b.send("POST", f"/import/{term}/{year}/confirm", urllib.parse.urlencode(fields),
                                    {"Content-Type": "application/x-www-form-urlencoded"})
        t3 = time.perf_counter()
        saved = re.search(r"saved=(\d+)", headers.get("location", ""))
        saved = int(saved.group(1)) if saved else 0
        # A row whose value equals the stored one is not a change and is not counted.
        ok = status == 303 and 0 < saved <= len(body_rows)
        failed |= not ok
        results.append({"year": year, "rows": len(body_rows), "saved": saved,
                        "upload_ms": round((t1 - t0) * 1000), "confirm_ms": round((t3 - t2) * 1000),
                        "preview_bytes": len(preview), "form_bytes": len(urllib.parse.urlencode(fields))})
        print(f"  {year}: {len(body_rows)} rows, upload+preview {results[-1]['upload_ms']} ms, "
              f"confirm {results[-1]['confirm_ms']} ms, saved {saved}", file=sys.stderr)
    total = sum(r["upload_ms"] + r["confirm_ms"] for r in results)
    print(json.dumps({"values": sum(r["rows"] for r in results), "changed": sum(r["saved"] for r in results),
                      "total_ms": total, "uploads": results}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
