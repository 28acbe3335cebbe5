# Daemon module of qa/interop/matrix.sh: FRR's bgpd alone (Debian frr), no zebra, no systemd (sourced; see matrix.sh).
d_package=frr
d_program=/usr/lib/frr/bgpd
D_OUT_NAME=bgpd.out   # its stdout and stderr

_vtysh() { vtysh --vty_socket "$WORK" -d bgpd "$@"; }

d_start() {
    cat > "$WORK/bgpd.conf" <<CONF
frr defaults traditional
hostname interop-frr
log file $WORK/bgpd.log
!
router bgp $D_AS
 bgp router-id $D_ADDR
 no bgp ebgp-requires-policy
 no bgp network import-check
 neighbor $RS_ADDR remote-as $RS_AS
 neighbor $RS_ADDR port $RS_PORT
 neighbor $RS_ADDR update-source $D_ADDR
 neighbor $RS_ADDR disable-connected-check
 ! FRR 8 has the first-AS check per neighbour (off in the traditional defaults); off, said aloud
 no neighbor $RS_ADDR enforce-first-as
 neighbor $RS_ADDR timers connect 2
 !
 address-family ipv4 unicast
$(for p in $D_PREFIXES; do echo "  network $p"; done)
 exit-address-family
!
CONF
    # -Z: no zebra; -S: no user switch; -P 0: no vty TCP port (the vty socket is in $WORK); -l/-p: our listener
    /usr/lib/frr/bgpd -f "$WORK/bgpd.conf" -i "$WORK/bgpd.pid" --vty_socket "$WORK" -P 0 -Z -S \
        -l "$D_ADDR" -p "$D_PORT" > "$WORK/bgpd.out" 2>&1 &
    D_PID=$!
}

d_session() {
    local state
    state=$(_vtysh -c "show bgp neighbors $RS_ADDR json" 2>/dev/null | python3 -c '
import json, sys
print(json.load(sys.stdin)[sys.argv[1]].get("bgpState", "?"))' "$RS_ADDR" 2>/dev/null)
    echo "${state:-no answer from vtysh}"
    [[ $state == Established ]]
}

d_routes() {
    _vtysh -c "show bgp ipv4 unicast json" 2>>"$WORK/d_routes.err" | tee "$WORK/d_routes.json" | python3 -c '
import json, sys
for prefix, paths in json.load(sys.stdin).get("routes", {}).items():
    for p in paths:
        if p.get("peerId") != sys.argv[1]:
            continue
        nh = next((n.get("ip", "") for n in p.get("nexthops", [])), "")
        print(prefix + "|" + p.get("path", "") + "|" + nh)  # no quotes inside an f-string: Python 3.11' "$RS_ADDR" 2>/dev/null || true
}

d_details() {
    echo "FRR's log:"
    grep -v sendmsg_nexthop "$WORK/bgpd.log" 2>/dev/null | tail -n 5 | sed 's/^/  /'
}
