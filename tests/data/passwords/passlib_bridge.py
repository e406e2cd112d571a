#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""passlib 1.7.4 on the other end of TestPasswordInterop.

Reads one JSON request per line on stdin and answers one JSON line on stdout.
Passwords travel base64-encoded inside the requests (never on the command
line), so that NUL and non-UTF-8 bytes survive.

  {"op": "versions"}
  {"op": "hash", "scheme": "bcrypt", "using": {...}, "password": "<b64>"}
  {"op": "verify", "scheme": "bcrypt", "password": "<b64>", "hash": "..."}
  {"op": "needs_update", "context": {...CryptContext keywords...}, "hash": "..."}
  {"op": "verify_and_update", "context": {...}, "password": "<b64>", "hash": "..."}

Every answer is {"ok": true, "result": ...} or {"ok": false, "error": "<type>: <message>"}.
"""
import base64
import json
import sys
import warnings

import passlib
import passlib.hash
from passlib.context import CryptContext

HANDLERS = {
    "bcrypt": passlib.hash.bcrypt,
    "argon2id": passlib.hash.argon2,
    "scrypt": passlib.hash.scrypt,
    "pbkdf2_sha256": passlib.hash.pbkdf2_sha256,
    "pbkdf2_sha512": passlib.hash.pbkdf2_sha512,
}


def versions():
    out = {"python": sys.version.split()[0], "passlib": passlib.__version__}
    try:
        import bcrypt
        out["bcrypt"] = bcrypt.__version__
    except ImportError:
        out["bcrypt"] = None
    try:
        import argon2
        out["argon2_cffi"] = argon2.__version__
    except ImportError:
        out["argon2_cffi"] = None
    return out


def handler(request):
    h = HANDLERS[request["scheme"]]
    using = dict(request.get("using", {}))
    if request["scheme"] == "argon2id":
        using.setdefault("type", "ID")
    return h.using(**using) if using else h


def secret(request):
    return base64.b64decode(request["password"])


def answer(request):
    op = request["op"]
    if op == "versions":
        return versions()
    if op == "hash":
        return handler(request).hash(secret(request))
    if op == "verify":
        return handler(request).verify(secret(request), request["hash"])
    if op == "needs_update":
        return CryptContext(**request["context"]).needs_update(request["hash"])
    if op == "verify_and_update":
        ok, new_hash = CryptContext(**request["context"]).verify_and_update(secret(request), request["hash"])
        return {"verified": ok, "new_hash": new_hash}
    raise ValueError("unknown op " + op)


def main():
    warnings.simplefilter("ignore")
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = {"ok": True, "result": answer(json.loads(line))}
        except Exception as error:  # reported to the test, which decides
            reply = {"ok": False, "error": type(error).__name__ + ": " + str(error)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
