# Route server module of qa/interop/matrix.sh: BIRD 2 as a transparent route server, the reference that shows the
# matrix itself (daemon configurations, scripted client, checks) passes against a route server that relays.
s_name=bird

s_start() {
    ensure_package bird2 /usr/sbin/bird || { S_ERROR="bird2 is not installed"; return 1; }
    cat > "$WORK/rs-bird.conf" <<CONF
router id $RS_ADDR;
log "$WORK/rs-bird.log" all;
protocol device { scan time 60; }
template bgp rsclient {
    local $RS_ADDR port $RS_PORT as $RS_AS;
    passive on;
    multihop;
    rs client;
    hold time 90;
    ipv4 { import all; export all; next hop keep; gateway recursive; };
}
protocol bgp to_daemon from rsclient { neighbor $D_ADDR as $D_AS; }
protocol bgp to_client from rsclient { neighbor $C_ADDR as $C_AS; }
CONF
    /usr/sbin/bird -f -c "$WORK/rs-bird.conf" -s "$WORK/rs-bird.ctl" > "$WORK/rs-bird.out" 2>&1 &
    S_PID=$!
    local i
    for ((i = 0; i < 100; i++)); do
        listening "$RS_PORT" && return 0
        kill -0 "$S_PID" 2>/dev/null || break
        sleep 0.1
    done
    S_ERROR="$(tail -n 2 "$WORK/rs-bird.out")"
    stop_pid "$S_PID"
    S_PID=""
    return 1
}

_rs_protocol() { [[ $1 == "$D_ADDR" ]] && echo to_daemon || echo to_client; }

s_session() {
    local line
    line=$(birdc -s "$WORK/rs-bird.ctl" show protocols "$(_rs_protocol "$1")" 2>/dev/null | tail -n 1)
    grep -q Established <<< "$line" && { echo established; return 0; }
    echo "${line:-no answer}" | tr -s " "
    return 1
}

s_adj_in() {
    birdc -s "$WORK/rs-bird.ctl" show route protocol "$(_rs_protocol "$1")" 2>/dev/null | grep -E '^[0-9]' || true
}

s_details() {
    echo "the route server's table (BIRD):"
    birdc -s "$WORK/rs-bird.ctl" show route all 2>/dev/null | sed 's/^/  /'
}

s_exit_reason() {
    tail -n 2 "$WORK/rs-bird.out" "$WORK/rs-bird.log" 2>/dev/null | tr '\n' ' '
}
