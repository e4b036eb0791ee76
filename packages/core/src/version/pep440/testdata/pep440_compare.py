"""Oracle for pep440.oracle.test.ts: one JSON [a, b] per input line, one JSON answer per line.

Answer: [valid_a, valid_b, sign(a - b) or None, str(Version(a)) or None, str(Version(b)) or None].
Run with Debian's /usr/bin/python3 (python3-packaging 23.x).
"""
import json
import sys

import packaging
from packaging.version import InvalidVersion, Version


def parse(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


def answer(a, b):
    va, vb = parse(a), parse(b)
    cmp = None if va is None or vb is None else (va > vb) - (va < vb)
    return [va is not None, vb is not None, cmp, None if va is None else str(va), None if vb is None else str(vb)]


def main():
    if sys.argv[1:] == ["--version"]:
        print(packaging.__version__)
        return
    out = []
    for line in sys.stdin:
        a, b = json.loads(line)
        out.append(json.dumps(answer(a, b)))
    sys.stdout.write("\n".join(out) + "\n")


main()
