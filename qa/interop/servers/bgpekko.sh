# Route server module of qa/interop/matrix.sh: bgpekko, from target/bgpekko.jar (sourced; see matrix.sh).
s_name=bgpekko

# s_start rs|plain: writes the configuration (with `route-server-client true;` in rs mode), starts bgpekko on
# $RS_ADDR:$RS_PORT with the probe helper, waits until it listens. On failure sets S_ERROR and returns 1.
s_start() {
    local mode=$1 addr as name i
    {
        echo "process probe {"
        echo "    run $INTEROP_DIR/probe.run $WORK;"
        echo "    encoder text;"
        echo "}"
        for name in daemon client; do
            if [[ $name == daemon ]]; then addr=$D_ADDR as=$D_AS; else addr=$C_ADDR as=$C_AS; fi
            cat <<CONF
neighbor $addr {
    description "$name";
    router-id $RS_ADDR;
    local-address $RS_ADDR;
    local-as $RS_AS;
    peer-as $as;
    hold-time 90;
    passive true;
$([[ $mode == rs ]] && echo "    route-server-client true;")
    family { ipv4 unicast; }
    api { processes [ probe ]; }
}
CONF
        done
    } > "$WORK/bgpekko.conf"
    rm -f "$WORK/neighbors.txt" "$WORK/adj-rib-in.txt"
    (cd "$WORK" && exec env exabgp_tcp_bind="$RS_ADDR" exabgp_tcp_port="$RS_PORT" exabgp_api_cli=false \
        exabgp_log_enable=true exabgp_log_level=DEBUG java ${BGPEKKO_JAVA_OPTS:-} -jar "$ROOT/target/bgpekko.jar" \
        run "$WORK/bgpekko.conf" > "$WORK/bgpekko.log" 2>&1 < /dev/null) &
    S_PID=$!
    for ((i = 0; i < 1200; i++)); do
        listening "$RS_PORT" && return 0
        kill -0 "$S_PID" 2>/dev/null || break
        sleep 0.1
    done
    S_ERROR=$(grep -m1 -E '\.conf:[0-9]+:[0-9]+' "$WORK/bgpekko.log" || tail -n 1 "$WORK/bgpekko.log")
    kill -0 "$S_PID" 2>/dev/null && S_ERROR="not listening on $RS_ADDR:$RS_PORT after 120 s"
    stop_pid "$S_PID"
    S_PID=""
    return 1
}

# s_session ADDR: bgpekko's view of the session with ADDR (`show neighbor`, through the probe helper)
s_session() {
    local line
    line=$(grep -m1 "neighbor $1 " "$WORK/neighbors.txt" 2>/dev/null || true)
    if [[ -z $line ]]; then
        echo "no answer to 'show neighbor' yet"
        return 1
    fi
    grep -qi 'state established' <<< "$line" && { echo established; return 0; }
    grep -o 'state [a-z]*' <<< "$line" || echo "$line"
    return 1
}

# s_adj_in ADDR: what bgpekko's Adj-RIB-In holds from ADDR (`show adj-rib in`, through the probe helper)
s_adj_in() {
    grep "neighbor $1 " "$WORK/adj-rib-in.txt" 2>/dev/null || true
}

# s_details: lines worth showing when a check fails
s_details() {
    echo "bgpekko's Adj-RIB-In (show adj-rib in):"
    sed 's/^/  /' "$WORK/adj-rib-in.txt" 2>/dev/null
    echo "bgpekko's received routes (DEBUG log):"
    grep -E '<< ' "$WORK/bgpekko.log" 2>/dev/null | tail -n 8 | sed 's/^/  /'
    echo "bgpekko's log (warnings and errors):"
    grep -E 'WARN|ERROR' "$WORK/bgpekko.log" 2>/dev/null | tail -n 5 | sed 's/^/  /'
}

# s_exit_reason: why bgpekko stopped, from its log
s_exit_reason() {
    grep -m1 -E 'ERROR|Exception|\.conf:[0-9]+:[0-9]+' "$WORK/bgpekko.log" 2>/dev/null || tail -n 1 "$WORK/bgpekko.log"
}
