#!/usr/bin/env bash
# Page weight and server time of the public pages, against a running app (Development seeds the demo standards):
#   dotnet run -c Release --project KopUkm.Dashboard --urls http://127.0.0.1:5103 &
#   bash benchmarks/public-pages.sh http://127.0.0.1:5103 [runs]
# For each page: the HTML as the app sends it and compressed (gzip -9; what a compressing proxy or browser cache
# sees), the stylesheets/scripts the page loads (a first visit) and the server time to first byte over N runs
# (after 5 warm-up runs; p50/p95 by nearest rank). /Account/Login is measured too, as the staff-side reference.
set -euo pipefail
base="${1:-http://127.0.0.1:5103}"
runs="${2:-50}"
pages=(/publik /standar-pelayanan "/standar-pelayanan?q=halal" /standar-pelayanan/NIB-OSS /Account/Login)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

gz() { gzip -9 -c "$1" | wc -c; }
echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') against $base; $runs timed runs per page after 5 warm-up; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| page | HTML bytes | HTML gzip | assets (files) | assets bytes | assets gzip | first visit gzip | TTFB p50 ms | TTFB p95 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for page in "${pages[@]}"; do
    curl -s -o "$tmp/page.html" "$base$page"
    html=$(wc -c < "$tmp/page.html"); htmlgz=$(gz "$tmp/page.html")
    assets=0; assetsgz=0; files=0
    for asset in $(grep -oE '(href|src)="[^"]+\.(css|js)"' "$tmp/page.html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
        curl -s -o "$tmp/asset" "$base/${asset#/}"
        assets=$((assets + $(wc -c < "$tmp/asset"))); assetsgz=$((assetsgz + $(gz "$tmp/asset"))); files=$((files + 1))
    done
    for _ in 1 2 3 4 5; do curl -s -o /dev/null "$base$page"; done
    : > "$tmp/times"
    for _ in $(seq 1 "$runs"); do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$base$page" >> "$tmp/times"; done
    read -r p50 p95 < <(sort -n "$tmp/times" | awk '{ t[NR] = $1 * 1000 } END { i50 = int((NR * 50 + 99) / 100); i95 = int((NR * 95 + 99) / 100); printf "%.1f %.1f\n", t[i50], t[i95] }')
    echo "| \`$page\` | $html | $htmlgz | $files | $assets | $assetsgz | $((htmlgz + assetsgz)) | $p50 | $p95 |"
done
