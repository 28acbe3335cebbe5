#!/usr/bin/env bash
# Interoperation matrix: each of BIRD 2, GoBGP, FRR, OpenBGPD and ExaBGP 4.2 (Debian packages) as a client of the
# route server next to a scripted client (client.py). For each daemon: both sessions Established, the route server's
# Adj-RIB-In holds what each client sent, and routes flow both ways through it with AS_PATH and NEXT_HOP unchanged
# (RFC 7947 transparency). Prints "PASS daemon" or "FAIL daemon (reason)" per daemon, then details of failures.
#
# Usage: qa/interop/matrix.sh [--rs bgpekko|bird] [DAEMON…]     DAEMON: bird gobgp frr openbgpd exabgp (default: all)
#   --rs bird runs the same matrix against BIRD as the route server: the reference showing the daemons' configurations,
#   the scripted client and the checks pass once the route server relays.
# Environment:
#   INTEROP_TIMEOUT  seconds per daemon from the route server's start (default 120)
#   INTEROP_SETTLE   seconds to wait for relayed routes once both Adj-RIB-Ins are complete (default 15)
#   INTEROP_KEEP     1: keep every work folder (default: only those of failures)
# Exit 0 only when every daemon passed. Everything runs on 127.0.0.1-3 with free ports; daemons run in the foreground
# from a temporary folder and are stopped by PID.
set -euo pipefail

INTEROP_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$INTEROP_DIR/../.." && pwd)
. "$INTEROP_DIR/lib.sh"

rs=bgpekko
if [[ ${1:-} == --rs ]]; then
    rs=${2:?--rs needs bgpekko or bird}
    shift 2
fi
[[ -f $INTEROP_DIR/servers/$rs.sh ]] || { echo "unknown route server '$rs' (bgpekko or bird)" >&2; exit 2; }
daemons=("$@")
(( ${#daemons[@]} )) || daemons=(bird gobgp frr openbgpd exabgp)
for d in "${daemons[@]}"; do
    [[ -f $INTEROP_DIR/daemons/$d.sh ]] || { echo "unknown daemon '$d' (bird gobgp frr openbgpd exabgp)" >&2; exit 2; }
done
timeout_s=${INTEROP_TIMEOUT:-120}
settle_s=${INTEROP_SETTLE:-15}

if [[ $rs == bgpekko ]]; then
    jar=$ROOT/target/bgpekko.jar
    if [[ ! -f $jar || -n $(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit) ]]; then
        echo "== building $jar" >&2
        (cd "$ROOT" && mvn -B -q -DskipTests package >&2)
    fi
fi

# one_daemon NAME: runs the checks for one daemon in this (sub)shell; prints the verdict line, then details
one_daemon() {
    local name=$1
    . "$INTEROP_DIR/servers/$rs.sh"
    . "$INTEROP_DIR/daemons/$name.sh"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/interop-$name.XXXXXX")
    RS_PORT=$(free_port)
    D_PORT=$(free_port)
    S_PID="" D_PID="" C_PID="" S_ERROR=""
    trap 'stop_pid "$C_PID"; stop_pid "$D_PID"; stop_pid "$S_PID"' EXIT

    if ! ensure_package "$d_package" "$d_program"; then
        echo "FAIL $name (Debian package $d_package could not be installed)"
        return 1
    fi
    local note="" mode=rs
    if ! s_start rs; then
        if [[ $rs == bgpekko && $S_ERROR == *route-server-client* ]]; then
            note="bgpekko refused route-server-client: ${S_ERROR##*/}"
            mode=plain
            s_start plain || { echo "FAIL $name ($note; without it bgpekko did not start either: $S_ERROR)"; return 1; }
        else
            echo "FAIL $name ($s_name did not start: $S_ERROR)"
            return 1
        fi
    fi
    d_start
    python3 "$INTEROP_DIR/client.py" --server "$RS_ADDR:$RS_PORT" --local "$C_ADDR" --asn "$C_AS" \
        --as-path "$C_PATH" --next-hop "$C_NEXT_HOP" --announce $C_PREFIXES --state "$WORK/client.json" \
        --stop "$WORK/stop" --duration $((timeout_s + 30)) > "$WORK/client.log" 2>&1 &
    C_PID=$!

    local deadline=$((SECONDS + timeout_s)) ribs_at=0 ok gone=""
    local d_state c_state s_d s_c rib_d rib_c at_c at_d
    while :; do
        if ! kill -0 "$D_PID" 2>/dev/null; then
            gone="$name exited: $(tail -n 2 "$WORK/$D_OUT_NAME" 2>/dev/null | tr '\n' ' ')"
        elif [[ -n $S_PID ]] && ! kill -0 "$S_PID" 2>/dev/null; then
            gone="$s_name exited: $(s_exit_reason)"
        fi
        ok=yes
        d_state=$(d_session) || ok=""
        c_state=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["state"] + (" (" + d["why"] + ")" if d["why"] else ""))' "$WORK/client.json" 2>/dev/null || echo "no state yet")
        [[ $c_state == established* ]] || ok=""
        s_d=$(s_session "$D_ADDR") || ok=""
        s_c=$(s_session "$C_ADDR") || ok=""
        rib_d=$(count_prefixes "$(s_adj_in "$D_ADDR")" "$D_PREFIXES")
        rib_c=$(count_prefixes "$(s_adj_in "$C_ADDR")" "$C_PREFIXES")
        at_c=$(verify "$(routes_of_client "$WORK/client.json")" "$D_PREFIXES" "$D_PATH" "$D_ADDR") || ok=""
        d_routes > "$WORK/d_routes.txt"   # the last view, for the details (the daemon is stopped before they print)
        at_d=$(verify "$(cat "$WORK/d_routes.txt")" "$C_PREFIXES" "$C_PATH" "$C_NEXT_HOP") || ok=""
        local ribs_full=""
        [[ ${rib_d%%/*} == "${rib_d##*/}" && ${rib_c%%/*} == "${rib_c##*/}" ]] && ribs_full=yes
        [[ -n $ribs_full ]] || ok=""
        [[ -n $ok && $mode == rs ]] && break
        if [[ -n $ribs_full && ${d_state} == Established* || -n $ribs_full && $d_state == up ]]; then
            (( ribs_at )) || ribs_at=$SECONDS
            (( SECONDS - ribs_at >= settle_s )) && break
        fi
        [[ -n $gone ]] && break
        (( SECONDS >= deadline )) && break
        sleep 1
    done
    touch "$WORK/stop"

    [[ $d_state == up ]] && d_state="Established (ExaBGP: up)"
    local echo_c
    # its own path (AS_PATH exactly its own) sent back breaks RFC 7947 section 2.3.2.1; a daemon's path to the same
    # prefix through the client's AS (FRR advertises routes back to the peer it learnt them from) is a path of that
    # daemon, which the route server relays like any other (the client's AS loop detection drops it)
    echo_c=$(count_prefixes "$(routes_of_client "$WORK/client.json" | awk -F'|' -v own="$C_PATH" '$2 == own')" \
        "$C_PREFIXES")
    local facts="$name session: $d_state; scripted client session: $c_state; $s_name sees $name: $s_d, the scripted client: $s_c; $s_name Adj-RIB-In: $rib_d from $name, $rib_c from the scripted client"
    local relay="scripted client received $name's routes: $at_c; $name received the scripted client's routes: $at_d"
    [[ ${echo_c%%/*} != 0 ]] && relay+="; the scripted client got its own routes back: $echo_c"
    if [[ -n $ok && $mode == rs && ${echo_c%%/*} == 0 ]]; then
        echo "PASS $name ($relay)"
        [[ ${INTEROP_KEEP:-} == 1 ]] && echo "   work folder: $WORK" || rm -rf "$WORK"
        return 0
    fi
    [[ -n $gone ]] && facts="$gone; $facts"
    if [[ $mode == plain ]]; then
        echo "FAIL $name ($note; checked without it: $facts; relaying not checked: $relay)"
    else
        echo "FAIL $name ($facts; $relay)"
    fi
    {
        echo "work folder: $WORK"
        echo "$name's routes from the route server (last seen while it ran):"
        sed 's/^/  /' "$WORK/d_routes.txt" 2>/dev/null
        echo "the scripted client's routes from the route server:"
        routes_of_client "$WORK/client.json" | sed 's/^/  /'
        s_details
        d_details
    } | sed 's/^/   /'
    return 1
}

echo "== interop matrix: route server $rs, daemons ${daemons[*]}, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
failed=0
for d in "${daemons[@]}"; do
    echo "== $d" >&2
    ( one_daemon "$d" ) || failed=$((failed + 1))
done
echo "== $(( ${#daemons[@]} - failed ))/${#daemons[@]} passed" >&2
(( failed == 0 ))
