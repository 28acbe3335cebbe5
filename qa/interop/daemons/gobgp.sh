# Daemon module of qa/interop/matrix.sh: GoBGP (Debian gobgpd) as a route-server client (sourced; see matrix.sh).
d_package=gobgpd
d_program=/usr/bin/gobgpd
D_OUT_NAME=gobgpd.log   # its stdout and stderr

_gobgp() { gobgp -u "$D_ADDR" -p "$D_API" "$@"; }

d_start() {
    D_API=$(free_port)
    # GoBGP enforces no first AS on received paths, so nothing to turn off for a route server
    cat > "$WORK/gobgpd.toml" <<CONF
[global.config]
  as = $D_AS
  router-id = "$D_ADDR"
  port = $D_PORT
  local-address-list = ["$D_ADDR"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "$RS_ADDR"
    peer-as = $RS_AS
  [neighbors.transport.config]
    local-address = "$D_ADDR"
    remote-port = $RS_PORT
  [neighbors.timers.config]
    connect-retry = 2
    hold-time = 90
  [neighbors.ebgp-multihop.config]
    enabled = true
    multihop-ttl = 2
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
CONF
    /usr/bin/gobgpd -f "$WORK/gobgpd.toml" -t toml --api-hosts "$D_ADDR:$D_API" --pprof-disable -p -l info \
        > "$WORK/gobgpd.log" 2>&1 &
    D_PID=$!
    # the routes it originates go in through its API once it answers
    local i p
    for ((i = 0; i < 100; i++)); do
        _gobgp global > /dev/null 2>&1 && break
        sleep 0.2
    done
    for p in $D_PREFIXES; do
        _gobgp global rib add "$p" origin igp nexthop "$D_ADDR" -a ipv4 >> "$WORK/gobgpd.log" 2>&1
    done
}

d_session() {
    local state
    state=$(_gobgp neighbor "$RS_ADDR" -j 2>/dev/null | python3 -c '
import json, sys
states = {0: "unknown", 1: "Idle", 2: "Connect", 3: "Active", 4: "OpenSent", 5: "OpenConfirm", 6: "Established"}
s = json.load(sys.stdin)["state"].get("session_state", 0)
print(states.get(s, s))' 2>/dev/null)
    echo "${state:-no answer from gobgp}"
    [[ $state == Established ]]
}

d_routes() {
    _gobgp neighbor "$RS_ADDR" adj-in -a ipv4 -j 2>>"$WORK/d_routes.err" | tee "$WORK/d_routes.json" | python3 -c '
import json, sys
for prefix, paths in json.load(sys.stdin).items():
    for p in paths:
        path, nh = [], ""
        for a in p.get("attrs", []):
            if a.get("type") == 2:
                for seg in a.get("as_paths", []):
                    path += seg.get("asns", [])
            elif a.get("type") == 3:
                nh = a.get("nexthop", "")
        print(prefix + "|" + " ".join(map(str, path)) + "|" + nh)  # no quotes inside an f-string: Python 3.11' 2>/dev/null || true
}

d_details() {
    echo "GoBGP's log:"
    grep -v 'level=debug' "$WORK/gobgpd.log" 2>/dev/null | tail -n 5 | sed 's/^/  /'
}
