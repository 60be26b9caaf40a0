#!/usr/bin/env python3
"""Writes a CSV of spans for the children of children-file.py, for the import benchmark (docs/imports.md).

    scripts/bench/circumstances-file.py 100000 > /tmp/circumstances-100k.csv

Every child BENCH-000001 to BENCH-<count> gets one open span of a special circumstance (a Decree 56
group and subgroup) starting 30 days ago (no child of children-file.py is younger); every third
child also gets a risk span that ended ten days ago. Import children-file.py's file of the same
count first.
"""
import datetime
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
random.seed(20261128)
groups = [("HCDB_A", "HCDB_A_1"), ("HCDB_B", "HCDB_B_1"), ("HCDB_C", "HCDB_C_2"), ("HCDB_D", "HCDB_D_1"),
          ("HCDB_E", "HCDB_E_3"), ("HCDB_G", "HCDB_G_1")]
risks = ["LEFT_BEHIND", "HOUSEHOLD_HARDSHIP", "SCHOOL_DROPOUT", "DOMESTIC_VIOLENCE"]
today = datetime.date.today()
out = sys.stdout
out.write("\ufeffMã tham chiếu ngoài của trẻ,Loại,Mã nhóm,Mã nhóm nhỏ,Từ ngày,Đến ngày,Lý do kết thúc\r\n")
start = today - datetime.timedelta(days=30)
for i in range(1, count + 1):
    code, subcode = random.choice(groups)
    out.write("BENCH-%06d,CIRCUMSTANCE,%s,%s,%s,,\r\n" % (i, code, subcode, start.isoformat()))
    if i % 3 == 0:
        out.write("BENCH-%06d,RISK,%s,,%s,%s,Gia đình đã ổn định\r\n"
                  % (i, random.choice(risks), start.isoformat(), (start + datetime.timedelta(days=20)).isoformat()))
