#!/usr/bin/env bash
# Renders the HTML report of `bgpekko simulate` in headless Chromium (Debian's package, installed if absent) and
# checks the screenshot: a PNG of the page's size with the plot's colours in it. Usage: qa/sim-report.sh [SCENARIO]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="${1:-$here/conf/sim/exchange.yml}"
browser="$(command -v chromium || true)"
if [ -z "$browser" ]; then
  echo "sim-report: installing Debian's chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi
work="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$work" "$profile"' EXIT
"$here/bin/bgpekko" simulate --quiet "$scenario" --report "$work/report.html" >"$work/table.txt"
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1000,1100 \
  --screenshot="$work/report.png" "file://$work/report.html" >"$work/chromium.log" 2>&1 || {
    cat "$work/chromium.log" >&2; exit 1; }
python3 - "$work/report.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, width, height = 8, b'', 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
        assert depth == 8 and ctype in (2, 6), f'unexpected PNG format {depth}/{ctype}'
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
assert (width, height) == (1000, 1100), f'size {width}x{height}'
raw, bpp = zlib.decompress(idat), 4 if ctype == 6 else 3
stride, prev, rows, red = width * bpp, bytearray(width * bpp), 0, 0
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):  # PNG filters, to count the plot's red pixels (the flapping member's line)
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        p = a + b - c
        pr = a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c
        line[i] = (line[i] + (0, a, b, (a + b) // 2, pr)[f]) & 255
    red += sum(1 for x in range(0, stride, bpp) if line[x] > 200 and line[x + 1] < 80 and line[x + 2] < 80)
    prev = line
assert red > 200, f'only {red} red pixels: the plot did not render'
print(f'sim-report: {width}x{height} PNG, {red} pixels of the highlighted member line: OK')
PY
cp "$work/report.png" "${SIM_REPORT_PNG:-/tmp/sim-report.png}"
echo "sim-report: screenshot in ${SIM_REPORT_PNG:-/tmp/sim-report.png}"
