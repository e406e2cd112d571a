# SPDX-License-Identifier: Apache-2.0
"""Runs request cases through a real FastAPI app in-process (fastapi.testclient,
no network) and prints, per case, the status and the error locations.

The app mirrors tests/data/validation/tutorial_schemas.json and the routes of
TestFastApiDifferential. It works with Pydantic v1 (Debian 12) and v2.
Input: a JSON file [{"method", "url", "headers": {..}, "body_hex"}].
Output (stdout): {"pydantic": "<version>", "results": [{"status", "locs", "types"}]}.
"""
import json
import sys
from typing import List, Optional

import pydantic
from fastapi import Body, FastAPI, Header, Path, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field, constr

V2 = pydantic.VERSION.startswith("2")


def constr_field(**kw):
    if "pattern" in kw and not V2:
        kw["regex"] = kw.pop("pattern")
    return Field(**kw)


DENY = ["'", '"', ";", "--", "/*", "*/"]


def deny(value, words):
    for w in words:
        if w in value:
            raise ValueError("String should not contain %r" % w)
    return value


if V2:
    from pydantic import ConfigDict, field_validator

    class Address(BaseModel):
        street: str
        zip: str = constr_field(pattern=r"^[0-9]{5}$")

    class UserInput(BaseModel):
        model_config = ConfigDict(extra="forbid")
        username: str = constr_field(min_length=3, max_length=50, pattern=r"^[a-zA-Z0-9_]+$")
        email: str = constr_field(pattern=r"^[\w\.-]+@[\w\.-]+\.\w+$")
        age: Optional[int] = Field(None, ge=13, le=130)
        tags: Optional[List[constr(max_length=10)]] = Field(None, max_length=3)
        address: Optional[Address] = None

        @field_validator("username")
        @classmethod
        def _deny(cls, v):
            return deny(v, DENY)

    class Comment(BaseModel):
        text: str = Field(max_length=200)

        @field_validator("text")
        @classmethod
        def _deny(cls, v):
            return deny(v, ["--", ";", "/*"])

else:
    from pydantic import validator

    class Address(BaseModel):
        street: str
        zip: str = constr_field(pattern=r"^[0-9]{5}$")

    class UserInput(BaseModel):
        username: str = constr_field(min_length=3, max_length=50, pattern=r"^[a-zA-Z0-9_]+$")
        email: str = constr_field(pattern=r"^[\w\.-]+@[\w\.-]+\.\w+$")
        age: Optional[int] = Field(None, ge=13, le=130)
        tags: Optional[List[constr(max_length=10)]] = Field(None, max_items=3)
        address: Optional[Address] = None

        class Config:
            extra = "forbid"

        @validator("username")
        def _deny(cls, v):
            return deny(v, DENY)

    class Comment(BaseModel):
        text: str = Field(..., max_length=200)

        @validator("text")
        def _deny(cls, v):
            return deny(v, ["--", ";", "/*"])


app = FastAPI()


@app.put("/users/{user_id}")
def update_user(
    user: UserInput,
    user_id: int = Path(..., gt=0),
    limit: int = Query(10, ge=1, le=100),
    tags: Optional[List[str]] = Query(None),
    q: Optional[str] = Query(None, max_length=20),
    active: Optional[bool] = Query(None),
    x_token: str = Header(..., min_length=8),
):
    return {"ok": True}


@app.post("/comments")
def comment(c: Comment):
    return {"ok": True}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    client = TestClient(app, raise_server_exceptions=False)
    results = []
    for case in cases:
        r = client.request(case["method"], case["url"], headers=case["headers"],
                           content=bytes.fromhex(case["body_hex"]) if case["body_hex"] else None)
        detail = r.json().get("detail") if r.headers.get("content-type", "").startswith("application/json") else None
        items = detail if isinstance(detail, list) else []
        results.append({"status": r.status_code, "locs": [i["loc"] for i in items],
                        "types": [i["type"] for i in items]})
    json.dump({"pydantic": pydantic.VERSION, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
