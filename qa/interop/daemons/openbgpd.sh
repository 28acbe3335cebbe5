# Daemon module of qa/interop/matrix.sh: OpenBGPD (Debian openbgpd) as a route-server client (sourced; see matrix.sh).
d_package=openbgpd
d_program=/usr/sbin/bgpd
D_OUT_NAME=bgpd.log   # its stdout and stderr

d_start() {
    # bgpd separates privileges: it needs its user (Debian declares it in sysusers.d) and that user's home to chroot
    getent passwd _openbgpd > /dev/null || systemd-sysusers /usr/lib/sysusers.d/openbgpd.conf > /dev/null 2>&1 || true
    mkdir -p /run/openbgpd
    cat > "$WORK/bgpd.conf" <<CONF
AS $D_AS
router-id $D_ADDR
listen on $D_ADDR port $D_PORT
socket "$WORK/bgpd.sock"
fib-update no
$(for p in $D_PREFIXES; do echo "network $p"; done)
neighbor $RS_ADDR {
    remote-as $RS_AS
    local-address $D_ADDR
    port $RS_PORT
    holdtime 90
    multihop 2
    enforce neighbor-as no      # on by default for eBGP: a route server's AS is not first in the AS_PATH
}
allow from any
allow to any
CONF
    /usr/sbin/bgpd -d -f "$WORK/bgpd.conf" > "$WORK/bgpd.log" 2>&1 &
    D_PID=$!
}

d_session() {
    local state
    state=$(bgpctl -s "$WORK/bgpd.sock" show neighbor "$RS_ADDR" 2>/dev/null | awk '/BGP state =/ { sub(/.*BGP state = /, ""); sub(/,.*/, ""); print; exit }')
    echo "${state:-no answer from bgpctl}"
    [[ $state == Established ]]
}

d_routes() {
    bgpctl -j -s "$WORK/bgpd.sock" show rib in neighbor "$RS_ADDR" 2>/dev/null | python3 -c '
import json, sys
for r in json.load(sys.stdin).get("rib", []):
    print(r["prefix"] + "|" + r.get("aspath", "") + "|" + r.get("exit_nexthop", ""))  # no quotes in f-strings: 3.11' 2>/dev/null || true
}

d_details() {
    echo "OpenBGPD's log:"
    tail -n 5 "$WORK/bgpd.log" 2>/dev/null | sed 's/^/  /'
}
