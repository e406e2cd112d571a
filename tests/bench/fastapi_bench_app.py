# SPDX-License-Identifier: Apache-2.0
"""The FastAPI tutorial's API with its security middleware, for bench-server.sh.

Equivalent to resources/examples/fastapi-tutorial.json on the routes the
benchmark loads: CORSMiddleware with the tutorial's origin and credentials, a
security-headers middleware with the tutorial's four headers, and the
"10/minute" per-client limit through the `limits` library (what slowapi wraps;
slowapi itself is not packaged in Debian). /api/public is the unlimited route
of the benchmark's copy of the policy.
"""
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from limits import parse, storage, strategies
from pydantic import BaseModel, constr

app = FastAPI()
# The strategy holds its storage weakly: keep it alive here.
counters = storage.MemoryStorage()
limiter = strategies.FixedWindowRateLimiter(counters)
per_client = parse("10/minute")


@app.middleware("http")
async def security_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-XSS-Protection"] = "1; mode=block"
    response.headers["Strict-Transport-Security"] = "max-age=31536000"
    return response


app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://yourdomain.com"],
    allow_credentials=True,
    allow_methods=["GET", "POST", "PUT", "DELETE"],
    allow_headers=["Authorization", "Content-Type"],
)


class UserInput(BaseModel):
    username: constr(min_length=3, max_length=50, regex=r"^[a-zA-Z0-9_]+$")
    email: constr(regex=r"^[\w\.-]+@[\w\.-]+\.\w+$")


@app.get("/api/data")
async def get_data(request: Request):
    if not limiter.hit(per_client, "get-data", request.client.host):
        return JSONResponse({"error": "Rate limit exceeded: 10 per 1 minute"}, status_code=429)
    return {"data": "This endpoint is rate limited"}


@app.get("/api/public")
async def get_public():
    return {"data": "public"}


@app.post("/api/users")
async def create_user(user: UserInput):
    return {"message": "User created successfully"}
