#!/usr/bin/env bash
# Interoperation with BIRD 2 on loopback: bgpekko (127.0.0.1, AS 65001) <-> BIRD (127.0.0.2, AS 65002).
# Shows the session Established, bgpekko's routes in BIRD's table and BIRD's routes in bgpekko's Adj-RIB-In.
# Installs bird2 from Debian when missing. Bounded: gives up after $TIMEOUT seconds. Exit 0 = all checks passed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TIMEOUT=${TIMEOUT:-30}
PORT=${PORT:-17900}

if ! command -v bird >/dev/null; then
    echo "installing bird2 from Debian"
    apt-get install -y bird2 >/dev/null
fi

WORK=$(mktemp -d)
BIRD_PID=""
SPEAKER_PID=""
cleanup() {
    [ -n "$SPEAKER_PID" ] && kill "$SPEAKER_PID" 2>/dev/null || true
    [ -n "$BIRD_PID" ] && kill "$BIRD_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

cat > "$WORK/bird.conf" <<CONF
router id 10.0.0.2;
log "$WORK/bird.log" all;
protocol device {}
# every loopback address is local to the host, which BIRD refuses as a direct next hop: resolve recursively
protocol static loopback {
    ipv4;
    route 127.0.0.0/8 via "lo";
}
protocol static from_bird {
    ipv4;
    route 198.51.100.0/24 blackhole;
    route 203.0.113.0/24 blackhole;
}
protocol bgp bgpekko {
    local 127.0.0.2 port $PORT as 65002;
    neighbor 127.0.0.1 as 65001;
    passive on;
    multihop;
    hold time 30;
    ipv4 { import all; export where proto = "from_bird"; gateway recursive; };
}
CONF

cat > "$WORK/bgpekko.conf" <<CONF
neighbor 127.0.0.2 {
    router-id 10.0.0.1;
    local-address 127.0.0.1;
    local-as 65001;
    peer-as 65002;
    hold-time 30;
    family { ipv4 unicast; }
    static {
        route 192.0.2.0/24 next-hop 127.0.0.1 community [ 65001:1 ];
        route 192.0.2.128/25 next-hop 127.0.0.1 med 10;
    }
}
CONF

bird -f -c "$WORK/bird.conf" -s "$WORK/bird.ctl" &
BIRD_PID=$!
sleep 1

exabgp_tcp_port=$PORT exabgp_tcp_bind='' exabgp_log_enable=true exabgp_log_level=DEBUG \
    "$ROOT/bin/bgpekko" run "$WORK/bgpekko.conf" > "$WORK/bgpekko.log" 2>&1 &
SPEAKER_PID=$!

ok=""
for _ in $(seq 1 "$TIMEOUT"); do
    sleep 1
    if birdc -s "$WORK/bird.ctl" show protocols bgpekko | grep -q Established \
        && [ "$(birdc -s "$WORK/bird.ctl" show route protocol bgpekko | grep -c '192.0.2.')" -ge 2 ] \
        && grep -q 'Adj-RIB-In .* 2 route' "$WORK/bgpekko.log"; then
        ok=yes
        break
    fi
done

echo "== BIRD: protocol"
birdc -s "$WORK/bird.ctl" show protocols bgpekko | tail -n +2
echo "== BIRD: routes learnt from bgpekko"
birdc -s "$WORK/bird.ctl" show route protocol bgpekko all | tail -n +2
echo "== bgpekko: Adj-RIB-In"
grep -E 'Adj-RIB-In|<<' "$WORK/bgpekko.log" | tail -n 6 || true
if [ -z "$ok" ]; then
    echo "FAIL: see $WORK"
    trap - EXIT
    cleanup
    exit 1
fi
echo "PASS: session Established, routes exchanged both ways"
