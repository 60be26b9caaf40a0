#!/usr/bin/env python3
"""Write load that must survive faults (docs/hardening.md, "Outages"), against the local run.

CLIENTS threads create children for SECONDS; each create carries its own Idempotency-Key and is
retried with the same key after a 503 or a lost connection, until it is answered. Prints the
answers by status and the latencies, and writes every acknowledged (key, id) to /tmp/acked.txt for
write-fault.sh to look up.

    scripts/bench/write-load.py SECONDS CLIENTS MARK
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

API = "http://127.0.0.1:8080/api/v1"
TOKEN_URL = "http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token"
DURATION, CLIENTS, MARK = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

lock = threading.Lock()
statuses, latencies, acked = {}, [], []
token = {"value": None, "at": 0.0}


def bearer():
    """A token of the demo commune officer, renewed before the realm's 300 s run out."""
    with lock:
        if time.time() - token["at"] > 200:
            form = urllib.parse.urlencode({"grant_type": "password", "client_id": "cp-test",
                                           "username": "commune.yenphuc", "password": "demo-commune"}).encode()
            token["value"] = json.load(urllib.request.urlopen(TOKEN_URL, form))["access_token"]
            token["at"] = time.time()
        return token["value"]


def create(body, key):
    """One attempt: the status (or the exception's name) and the new record's id."""
    request = urllib.request.Request(API + "/children", data=body, method="POST", headers={
        "Authorization": "Bearer " + bearer(), "Content-Type": "application/json", "Idempotency-Key": key})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)["id"]
    except urllib.error.HTTPError as e:
        return e.code, None
    except Exception as e:  # a lost connection, a timeout
        return type(e).__name__, None


def client(n):
    end, i = time.time() + DURATION, 0
    while time.time() < end:
        i += 1
        key = str(uuid.uuid4())
        body = json.dumps({"fullName": f"Thử Tải {MARK} {n}-{i}", "dateOfBirth": "2016-03-04", "sex": "FEMALE",
                           "villageCode": "06298_01"}).encode()
        while True:
            started = time.time()
            status, record = create(body, key)
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                latencies.append(time.time() - started)
            if status == 201:
                with lock:
                    acked.append((key, record))
                break
            if status not in (502, 503) and not isinstance(status, str):
                break  # an answer that a retry would not change
            time.sleep(1)


threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies.sort()
print("answers", statuses, "requests", len(latencies), "p50 %.3f s, p99 %.3f s, slowest %.3f s" % (
    latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)], latencies[-1]))
with open("/tmp/acked.txt", "w") as out:
    out.write("\n".join(f"{key} {record}" for key, record in acked))
print("acknowledged", len(acked))
