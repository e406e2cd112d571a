#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Every test slot in a QtTest source must be one the executable runs.

moc 6.4 does not parse C++ raw string literals: a quote or apostrophe inside
R"(...)" can make it lose the class and silently drop every later slot, which
then compiles but never runs. Arguments: EXECUTABLE=SOURCE pairs. Exit 1,
naming the missing slots, when an executable lists fewer slots than its source
declares.
"""
import os
import re
import subprocess
import sys

SPECIAL = {"init", "cleanup", "initTestCase", "cleanupTestCase", "initTestCase_data"}
SLOT = re.compile(r"^    void ([A-Za-z0-9_]+)\(\)")


def declared_slots(source):
    slots, in_slots = set(), False
    with open(source, encoding="utf-8") as f:
        for line in f:
            if re.match(r"^(private|public|protected)\s+(Q_SLOTS|slots)\s*:", line):
                in_slots = True
            elif re.match(r"^(private|public|protected)\s*:", line) or line.startswith("};"):
                in_slots = False
            elif in_slots and (m := SLOT.match(line)):
                name = m.group(1)
                if name not in SPECIAL and not name.endswith("_data"):
                    slots.add(name)
    return slots


def listed_slots(executable):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([executable, "-functions"], capture_output=True, text=True, env=env, timeout=120).stdout
    return {line.strip()[:-2] for line in out.splitlines() if line.strip().endswith("()")}


def main(pairs):
    failures = 0
    for pair in pairs:
        executable, source = pair.split("=", 1)
        missing = declared_slots(source) - listed_slots(executable)
        if missing:
            failures += 1
            print(f"{source}: moc does not see {', '.join(sorted(missing))}; look for a raw string literal "
                  f"with an odd number of quotes or apostrophes before them")
    print(f"{len(pairs)} test executables checked, {failures} with hidden slots")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
