#!/usr/bin/env bash
# FlowSpec interoperation with GoBGP on loopback: bgpekko (127.0.0.1, AS 65001) <-> gobgpd (127.0.0.2, AS 65002),
# families ipv4 flow, ipv6 flow, ipv4 flow-vpn. Shows bgpekko's flows in GoBGP's Adj-RIB-In (so GoBGP's RFC 8955 /
# 8956 decoder accepts them, an IPv6 prefix with an offset included) and a GoBGP flow in bgpekko's Adj-RIB-In.
# Installs gobgpd from Debian when missing.
# Bounded: gives up after $TIMEOUT seconds. Exit 0 = all checks passed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TIMEOUT=${TIMEOUT:-40}
PORT=${PORT:-17910}
API=${API:-17911}

if ! command -v gobgpd >/dev/null; then
    echo "installing gobgpd from Debian"
    apt-get install -y gobgpd >/dev/null
fi

WORK=$(mktemp -d)
GOBGP_PID=""
SPEAKER_PID=""
cleanup() {
    [ -n "$SPEAKER_PID" ] && kill "$SPEAKER_PID" 2>/dev/null || true
    [ -n "$GOBGP_PID" ] && kill "$GOBGP_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT
gobgp() { command gobgp -u 127.0.0.1 -p "$API" "$@"; }

cat > "$WORK/gobgpd.toml" <<CONF
[global.config]
  as = 65002
  router-id = "10.0.0.2"
  port = $PORT
  local-address-list = ["127.0.0.2"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "127.0.0.1"
    peer-as = 65001
  [neighbors.transport.config]
    local-address = "127.0.0.2"
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-flowspec"
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv6-flowspec"
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "l3vpn-ipv4-flowspec"
CONF

cat > "$WORK/bgpekko.conf" <<CONF
neighbor 127.0.0.2 {
    router-id 10.0.0.1;
    local-address 127.0.0.1;
    local-as 65001;
    peer-as 65002;
    hold-time 30;
    family { ipv4 flow; ipv6 flow; ipv4 flow-vpn; }
    flow {
        route web {
            match { destination 192.0.2.1/32; source 198.51.100.0/24; protocol tcp; destination-port [ =80 =443 ];
                    tcp-flags [ syn ]; packet-length >100&<1500; fragment [ !is-fragment ]; }
            then { rate-limit 9600; }
        }
        route to-vrf { match { destination 192.0.2.2/32; source-port >1024; } then { redirect 65001:100; } }
        route icmp { match { destination 192.0.2.3/32; protocol icmp; icmp-type echo-request; dscp 10; }
                     then { discard; } }
        route six { match { destination 2001:db8::1/128; next-header udp; flow-label 2013; } then { discard; } }
        # an offset: ExaBGP's layout (the whole prefix), which GoBGP reads and writes too (RFC 8956: the pattern)
        route offset { match { source 2001:db8::1/128/64; next-header tcp; } then { discard; } }
        route vpn { rd 65001:1; match { destination 192.0.2.4/32; } then { mark 10; } }
    }
}
CONF

gobgpd -f "$WORK/gobgpd.toml" -t toml --api-hosts "127.0.0.1:$API" > "$WORK/gobgpd.log" 2>&1 &
GOBGP_PID=$!
sleep 2
gobgp global rib -a ipv4-flowspec add match destination 203.0.113.0/24 protocol tcp then discard >/dev/null
gobgp global rib -a ipv6-flowspec add match source 2001:db8::2/128/64 then discard >/dev/null

exabgp_tcp_port=$PORT exabgp_tcp_bind='' exabgp_log_enable=true exabgp_log_level=DEBUG \
    "$ROOT/bin/bgpekko" run "$WORK/bgpekko.conf" > "$WORK/bgpekko.log" 2>&1 &
SPEAKER_PID=$!

count() { gobgp neighbor 127.0.0.1 adj-in -a "$1" 2>/dev/null | grep -c '\[' || true; }
ok=""
for _ in $(seq 1 "$TIMEOUT"); do
    sleep 1
    if [ "$(count ipv4-flowspec)" -ge 3 ] && [ "$(count ipv6-flowspec)" -ge 2 ] \
        && [ "$(count ipv4-l3vpn-flowspec)" -ge 1 ] \
        && grep -q '<< flow destination-ipv4 203.0.113.0/24 protocol =tcp' "$WORK/bgpekko.log" \
        && grep -q '<< flow source-ipv6 2001:db8::2/128/64 ' "$WORK/bgpekko.log"; then
        ok=yes
        break
    fi
done

for a in ipv4-flowspec ipv6-flowspec ipv4-l3vpn-flowspec; do
    echo "== GoBGP: $a received from bgpekko"
    gobgp neighbor 127.0.0.1 adj-in -a "$a" || true
done
echo "== bgpekko: flows received from GoBGP"
grep -E '<< flow|Adj-RIB-In' "$WORK/bgpekko.log" | cut -c1-200 | tail -n 4 || true
if grep -qi 'error\|malformed' "$WORK/gobgpd.log"; then
    echo "== gobgpd complained:"; grep -i 'error\|malformed' "$WORK/gobgpd.log" | tail -5
    ok=""
fi
if [ -z "$ok" ]; then
    echo "FAIL: see $WORK"
    trap - EXIT
    cleanup
    exit 1
fi
echo "PASS: flows exchanged both ways, each side decoding the other's"
