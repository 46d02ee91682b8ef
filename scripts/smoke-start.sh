#!/usr/bin/env bash
# Starts the site as a new user would (`npm start` on a fresh clone) and checks
# that the home page, a section and an article with its photo answer.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-8799}
log=$(mktemp)
PORT=$port setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -- -$pid 2>/dev/null || kill $pid 2>/dev/null || true; pkill -f "wrangler dev --port $port" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://localhost:$port/" 2>/dev/null; then break; fi
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "npm start exited early"; exit 1; fi
  sleep 1
done
home=$(curl -fsS "http://localhost:$port/") || { cat "$log"; echo "home page did not answer"; exit 1; }
article=$(printf '%s' "$home" | grep -o 'href="/[a-z0-9-]*/[a-z0-9-]*-[0-9]*\.html"' | head -1 | cut -d'"' -f2)
[ -n "$article" ] || { echo "no article link on the home page"; exit 1; }
page=$(curl -fsS "http://localhost:$port$article")
photo=$(printf '%s' "$page" | grep -o 'src="/media/[^"]*"' | head -1 | cut -d'"' -f2)
curl -fsS -o /dev/null "http://localhost:$port$photo"
curl -fsS -o /dev/null "http://localhost:$port/kinh-te"
grep -q "Trang web: http://localhost:$port" "$log"
echo "smoke: npm start serves home, $article and $photo"
