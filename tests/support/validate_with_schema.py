#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# Validates JSON files against a JSON Schema with jsonschema's Draft 2020-12
# validator (the real thing editors use) and prints one JSON report:
#   [{"file": ..., "parsed": bool, "valid": bool, "errors": [...]}, ...]
# Usage: validate_with_schema.py SCHEMA FILE...
import json
import sys

from jsonschema import Draft202012Validator


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    report = []
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except ValueError as e:
            report.append({"file": path, "parsed": False, "valid": False, "errors": [str(e)]})
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        report.append({
            "file": path,
            "parsed": True,
            "valid": not errors,
            "errors": ["/" + "/".join(map(str, e.absolute_path)) + ": " + e.message for e in errors[:5]],
        })
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
