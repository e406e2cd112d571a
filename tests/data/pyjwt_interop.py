# SPDX-License-Identifier: Apache-2.0
"""PyJWT side of TestPyJwtInterop: signs or verifies one token.

usage: pyjwt_interop.py verify ALG KEYFILE TOKENFILE ISSUER AUDIENCE
       pyjwt_interop.py sign ALG KEYFILE CLAIMSFILE KID
Prints the verified claims (sorted JSON) or the token on stdout; a refusal
prints the exception's class name on stderr and exits with status 3.
"""
import json
import sys

import jwt


def read(path, binary=False):
    with open(path, "rb" if binary else "r") as f:
        return f.read()


def main(argv):
    mode, alg, key_file = argv[1], argv[2], argv[3]
    key = read(key_file, binary=True)
    if not alg.startswith("HS"):
        key = key.decode("ascii")
    if mode == "verify":
        token = read(argv[4]).strip()
        try:
            claims = jwt.decode(token, key, algorithms=[alg], issuer=argv[5], audience=argv[6],
                                options={"require": ["exp", "iat", "iss", "aud"]})
        except jwt.PyJWTError as exc:
            print(type(exc).__name__ + ": " + str(exc), file=sys.stderr)
            return 3
        print(json.dumps(claims, sort_keys=True))
        return 0
    if mode == "sign":
        claims = json.loads(read(argv[4]))
        print(jwt.encode(claims, key, algorithm=alg, headers={"kid": argv[5]}))
        return 0
    print("unknown mode " + mode, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
