# Daemon module of qa/interop/matrix.sh: ExaBGP 4.2 (Debian exabgp) as a route-server client (sourced; see matrix.sh).
d_package=exabgp
d_program=/usr/sbin/exabgp
D_OUT_NAME=exabgp.log   # its stdout and stderr

d_start() {
    printf '#!/bin/sh\n# records ExaBGP'"'"'s JSON events, one a line; no exec: the shell keeps the pipe ExaBGP reads\n# (its stdout) open, else ExaBGP 4.2 counts a closed stdout as a death and stops after five\ncat >> "%s"\n' "$WORK/events.jsonl" > "$WORK/record.run"
    chmod +x "$WORK/record.run"
    cat > "$WORK/exabgp.conf" <<CONF
process record {
    run $WORK/record.run;
    encoder json;
}
neighbor $RS_ADDR {
    router-id $D_ADDR;
    local-address $D_ADDR;
    local-as $D_AS;
    peer-as $RS_AS;
    hold-time 90;
    family { ipv4 unicast; }
    static {
$(for p in $D_PREFIXES; do echo "        route $p next-hop $D_ADDR;"; done)
    }
    api {
        processes [ record ];
        neighbor-changes;
        receive { parsed; update; }
    }
}
CONF
    # ExaBGP connects to the route server's port and does not listen; 4.2 crashes with logging off, so it logs
    (cd "$WORK" && exec env exabgp_tcp_port="$RS_PORT" exabgp_tcp_bind= exabgp_daemon_user=root \
        exabgp_log_enable=true exabgp_log_level=INFO exabgp_log_destination=stdout exabgp_api_ack=false \
        exabgp_api_cli=false /usr/sbin/exabgp "$WORK/exabgp.conf" > "$WORK/exabgp.log" 2>&1 < /dev/null) &
    D_PID=$!
}

# ExaBGP's events, folded: the last state, and the routes announced and not withdrawn
_exabgp_fold() {
    python3 - "$WORK/events.jsonl" "$1" <<'PY' 2>/dev/null || true
import json, sys
state, routes = "no state event yet", {}
for line in open(sys.argv[1]):
    try:
        e = json.loads(line)
    except ValueError:
        continue
    if e.get("type") == "state":
        state = e["neighbor"].get("state", state)
    if e.get("type") != "update":
        continue
    msg = e["neighbor"]["message"].get("update")
    if msg is None:  # End-of-RIB: {"message": {"eor": …}}
        continue
    attrs = msg.get("attribute", {})
    path = " ".join(str(a) for a in attrs.get("as-path", []))
    for nh, nlris in msg.get("announce", {}).get("ipv4 unicast", {}).items():
        for n in nlris:
            routes[n["nlri"] if isinstance(n, dict) else n] = f"{path}|{nh}"
    for n in msg.get("withdraw", {}).get("ipv4 unicast", []):
        routes.pop(n["nlri"] if isinstance(n, dict) else n, None)
if sys.argv[2] == "state":
    print(state)
else:
    for p, v in sorted(routes.items()):
        print(f"{p}|{v}")
PY
}

d_session() {
    local state
    state=$(_exabgp_fold state)
    echo "${state:-no events}"
    [[ $state == up ]]
}

d_routes() {
    _exabgp_fold routes
}

d_details() {
    echo "ExaBGP's log:"
    grep -vE 'DEBUG' "$WORK/exabgp.log" 2>/dev/null | tail -n 5 | sed 's/^/  /'
}
