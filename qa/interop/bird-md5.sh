#!/usr/bin/env bash
# Interoperation with BIRD 2 on loopback with TCP-MD5 (RFC 2385) and GTSM (RFC 5082): bgpekko (127.0.0.1, AS 65001)
# connects to BIRD (127.0.0.2, AS 65002, passive, `password`, `ttl security on`). With the same password the session
# is Established and routes flow; with another password, and with the right one but outgoing-ttl 254, it never is.
# Bounded: each phase gives up after $TIMEOUT seconds. Exit 0 = all checks passed. Linux only (epoll).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TIMEOUT=${TIMEOUT:-30}
NEGATIVE=${NEGATIVE:-12}
PORT=${PORT:-17901}
BGPEKKO=${BGPEKKO:-$ROOT/bin/bgpekko}

if ! command -v bird >/dev/null; then
    echo "installing bird2 from Debian"
    apt-get install -y bird2 >/dev/null
fi

WORK=$(mktemp -d)
BIRD_PID=""
SPEAKER_PID=""
stop_speaker() {
    if [ -n "$SPEAKER_PID" ]; then
        kill "$SPEAKER_PID" 2>/dev/null || true
        wait "$SPEAKER_PID" 2>/dev/null || true
        SPEAKER_PID=""
    fi
}
cleanup() {
    stop_speaker
    [ -n "$BIRD_PID" ] && kill "$BIRD_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

cat > "$WORK/bird.conf" <<CONF
router id 10.0.0.2;
log "$WORK/bird.log" all;
protocol device {}
protocol static loopback {
    ipv4;
    route 127.0.0.0/8 via "lo";
}
protocol static from_bird {
    ipv4;
    route 198.51.100.0/24 blackhole;
}
protocol bgp bgpekko {
    local 127.0.0.2 port $PORT as 65002;
    neighbor 127.0.0.1 as 65001;
    passive on;
    multihop 1;
    ttl security on;
    password "s3cret key";
    hold time 30;
    ipv4 { import all; export where proto = "from_bird"; gateway recursive; };
}
CONF

# $1: the password bgpekko uses, $2: its outgoing-ttl
speaker() {
    cat > "$WORK/bgpekko.conf" <<CONF
neighbor 127.0.0.2 {
    router-id 10.0.0.1;
    local-address 127.0.0.1;
    local-as 65001;
    peer-as 65002;
    hold-time 30;
    md5-password "$1";
    outgoing-ttl $2;
    incoming-ttl 255;
    family { ipv4 unicast; }
    static {
        route 192.0.2.0/24 next-hop 127.0.0.1;
    }
}
CONF
    exabgp_tcp_port=$PORT exabgp_tcp_bind='' exabgp_log_enable=true exabgp_log_level=DEBUG \
        "$BGPEKKO" run "$WORK/bgpekko.conf" > "$WORK/bgpekko-$3.log" 2>&1 &
    SPEAKER_PID=$!
}

established() {
    birdc -s "$WORK/bird.ctl" show protocols bgpekko | grep -q Established
}

bird -f -c "$WORK/bird.conf" -s "$WORK/bird.ctl" &
BIRD_PID=$!
sleep 1
fail=""

echo "== same password, outgoing-ttl 255: Established, routes both ways"
speaker "s3cret key" 255 good
ok=""
for _ in $(seq 1 "$TIMEOUT"); do
    sleep 1
    if established && birdc -s "$WORK/bird.ctl" show route protocol bgpekko | grep -q '192.0.2.0/24' \
        && grep -q 'Adj-RIB-In .* 1 route' "$WORK/bgpekko-good.log"; then
        ok=yes
        break
    fi
done
birdc -s "$WORK/bird.ctl" show protocols bgpekko | tail -n +2
[ -n "$ok" ] && echo "ok" || { echo "FAIL"; fail=yes; }
stop_speaker
sleep 2

# $1: what is tried, $2, $3: as for speaker
never_established() {
    echo "== $1: never Established"
    speaker "$2" "$3" "never-$3"
    sleep "$NEGATIVE"
    birdc -s "$WORK/bird.ctl" show protocols bgpekko | tail -n +2
    if established; then echo "FAIL"; fail=yes; else echo "ok"; fi
    stop_speaker
    sleep 1
}
never_established "another password (BIRD's kernel drops the SYNs)" "s3cret kez" 255
never_established "the password, outgoing-ttl 254 (ttl security drops the SYNs)" "s3cret key" 254

if [ -n "$fail" ]; then
    echo "FAIL: see $WORK"
    trap - EXIT
    cleanup
    exit 1
fi
echo "PASS: TCP-MD5 and GTSM against BIRD"
