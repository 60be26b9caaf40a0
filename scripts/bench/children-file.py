#!/usr/bin/env python3
"""Writes a CSV of synthetic children for the import benchmark (docs/imports.md).

    scripts/bench/children-file.py 100000 > /tmp/children-100k.csv

Children are spread over the 20 villages of An Sơn (06283_01 to 06283_20, in the area of the
cp-importer account), born in the last 15 years, each with a unique external reference and a
valid personal identification number (Lạng Sơn, 020) numbered from 100,001.
"""
import datetime
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
random.seed(20261128)
families = ["Hoàng", "Nông", "Lương", "Vi", "Lộc", "Hà", "Chu", "Mã", "Triệu", "Lăng"]
given = ["An", "Bình", "Chi", "Dung", "Hải", "Hoa", "Khánh", "Lan", "Minh", "Nga", "Phúc", "Quân"]
today = datetime.date.today()
out = sys.stdout
out.write("\ufeffHọ và tên,Ngày sinh,Giới tính,Mã thôn,Số định danh cá nhân,Mã tham chiếu ngoài,Địa chỉ\r\n")
for i in range(1, count + 1):
    born = today - datetime.timedelta(days=random.randint(30, 15 * 365))
    male = random.random() < 0.51
    century = (2 if born.year >= 2000 else 0) + (0 if male else 1)
    personal_id = "020%d%02d%06d" % (century, born.year % 100, 100_000 + i)  # clear of the demo records (1 to 1,600)
    village = "06283_%02d" % random.randint(1, 20)
    name = "%s %s %s %d" % (random.choice(families), "Văn" if male else "Thị", random.choice(given), i)
    out.write("%s,%s,%s,%s,%s,BENCH-%06d,Xóm %d\r\n" % (name, born.isoformat(), "MALE" if male else "FEMALE", village,
                                                        personal_id, i, random.randint(1, 9)))
