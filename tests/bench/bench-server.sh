#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Throughput and latency of the test server against nginx (one worker) and
# uvicorn + FastAPI with equivalent configurations, same wrk settings, one run.
#
#   tests/bench/bench-server.sh [BUILD_DIR]        (default: build/release)
#   DURATION=10 CONNECTIONS=50 tests/bench/bench-server.sh build/release
#
# Two routes, loaded separately:
#   /api/public  unlimited (added to a copy of the tutorial policy): the cost of a full evaluation
#   /api/data    the tutorial's 10/minute per client: after ten requests every answer is a 429
# Every request carries the tutorial's allowed Origin, so CORS is evaluated too.
# Prints requests/s, p50 and p99 latency per server and the ratios. Not a test:
# nothing here asserts on time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
duration=${DURATION:-10}
connections=${CONNECTIONS:-50}
origin="https://yourdomain.com"
cli=$build/app/cli/portcullis-cli
static=$build/tests/bench/pc-bench-static-server
python=/usr/bin/python3

for tool in wrk nginx "$python"; do
    command -v "$tool" >/dev/null || { echo "bench-server: $tool is not installed" >&2; exit 2; }
done
[[ -x $cli ]] || { echo "bench-server: build $cli first (cmake --preset release && cmake --build build/release)" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_port() {
    for _ in $(seq 100); do
        if "$python" -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "bench-server: nothing listens on port $1" >&2
    exit 1
}

# The benchmark's copy of the tutorial policy: one unlimited route more.
"$python" - "$root/resources/examples/fastapi-tutorial.json" "$tmp/policy.json" <<'PY'
import json, sys
policy = json.load(open(sys.argv[1]))
policy["routes"].append({"id": "public", "summary": "Unlimited route for the benchmark", "methods": ["GET"],
                         "path": "/api/public", "mock": {"body": {"data": "public"}}})
json.dump(policy, open(sys.argv[2], "w"), indent=2)
PY

# Portcullis (one event-loop thread)
export SECRET_KEY=${SECRET_KEY:-bench-only-secret-key-with-32-bytes!!}
"$cli" serve "$tmp/policy.json" --port 0 --threads 1 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pids+=($!)
for _ in $(seq 100); do grep -q "^listening on" "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
pc_port=$(sed -n 's#^listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$tmp/serve.out")
[[ -n $pc_port ]] || { echo "bench-server: serve did not start:" >&2; cat "$tmp/serve.err" >&2; exit 1; }

# The HTTP layer alone (constant answer, no engine), to show what evaluation costs
static_port=""
if [[ -x $static ]]; then
    static_port=$(free_port)
    "$static" "$static_port" 1 >/dev/null 2>&1 &
    pids+=($!)
    wait_port "$static_port"
fi

# nginx, one worker process
ngx_port=$(free_port)
sed -e "s#@DIR@#$tmp#g" -e "s#@PORT@#$ngx_port#g" "$here/nginx-bench.conf.in" >"$tmp/nginx.conf"
printf '%s' '{"data":"This endpoint is rate limited"}' >"$tmp/data.json"
printf '%s' '{"data":"public"}' >"$tmp/public.json"
nginx -c "$tmp/nginx.conf" -p "$tmp" &
pids+=($!)
wait_port "$ngx_port"

# uvicorn + FastAPI, one worker
fa_port=$(free_port)
(cd "$here" && exec "$python" -m uvicorn fastapi_bench_app:app --host 127.0.0.1 --port "$fa_port" --workers 1 \
    --log-level warning --no-access-log) &
pids+=($!)
wait_port "$fa_port"

# run NAME PORT PATH -> "rps p50_ms p99_ms non2xx"
run() {
    local out
    out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency -H "Origin: $origin" "http://127.0.0.1:$2$3" 2>&1)
    echo "$out" >"$tmp/wrk-$1-${3//\//_}.txt"
    "$python" - "$out" <<'PY'
import re, sys
text = sys.argv[1]
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
non = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print(f"{rps:.0f} {ms('50%'):.3f} {ms('99%'):.3f} {non.group(1) if non else 0}")
PY
}

echo "wrk -t1 -c$connections -d${duration}s, Origin: $origin; one thread/worker/process each"
echo
printf "%-12s %-34s %12s %10s %10s %10s\n" route server "requests/s" "p50 ms" "p99 ms" "non-2xx"
for path in /api/public /api/data; do
    declare -A rps=()
    servers=("portcullis:$pc_port" "nginx:$ngx_port" "fastapi:$fa_port")
    [[ -n $static_port && $path == /api/public ]] && servers+=("portcullis-http-only:$static_port")
    for entry in "${servers[@]}"; do
        name=${entry%%:*}
        port=${entry##*:}
        wrk -t1 -c"$connections" -d1s "http://127.0.0.1:$port$path" >/dev/null 2>&1 || true # warm-up
        read -r r p50 p99 non < <(run "$name" "$port" "$path")
        rps[$name]=$r
        [[ $name == portcullis ]] && pc_non2xx=$non
        label=$name
        case $name in
        portcullis) label="portcullis serve (engine)" ;;
        portcullis-http-only) label="portcullis HTTP layer, no engine" ;;
        nginx) label="nginx 1 worker" ;;
        fastapi) label="uvicorn+FastAPI 1 worker" ;;
        esac
        printf "%-12s %-34s %12s %10s %10s %10s\n" "$path" "$label" "$r" "$p50" "$p99" "$non"
    done
    "$python" -c "import sys; p,n,f=map(float,sys.argv[1:]); print(f'{\"\":12} ratios: portcullis/nginx {p/n:.2f}x, portcullis/fastapi {p/f:.1f}x')" \
        "${rps[portcullis]}" "${rps[nginx]}" "${rps[fastapi]}"
    if [[ $path == /api/data && ${pc_non2xx:-0} == 0 ]]; then
        echo "             note: portcullis answered every /api/data request 200: this build's engine does not run"
        echo "             its rate-limit stage, so this row is not comparable with the 429s of the others."
    fi
    unset rps
done
echo
echo "/api/public is the unlimited route (full evaluation, 200s); /api/data is the tutorial's rate-limited route"
echo "(after its first ten requests every answer is a 429, so it measures the refusal path)."
