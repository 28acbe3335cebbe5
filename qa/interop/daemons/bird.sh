# Daemon module of qa/interop/matrix.sh: BIRD 2 (Debian bird2) as a route-server client (sourced; see matrix.sh).
d_package=bird2
d_program=/usr/sbin/bird
D_OUT_NAME=bird.out   # its stdout and stderr

d_start() {
    cat > "$WORK/bird.conf" <<CONF
router id $D_ADDR;
log "$WORK/bird.log" all;
protocol device { scan time 60; }
protocol static own_routes {
    ipv4;
$(for p in $D_PREFIXES; do echo "    route $p blackhole;"; done)
}
protocol bgp route_server {
    local $D_ADDR port $D_PORT as $D_AS;
    neighbor $RS_ADDR port $RS_PORT as $RS_AS;
    multihop;                   # BIRD takes no loopback address as a directly connected neighbour
    hold time 90;
    connect delay time 1;
    connect retry time 2;
    enforce first as off;       # the default, said aloud: a route server's AS is not first in the AS_PATH
    ipv4 { import all; export where proto = "own_routes"; gateway recursive; };
}
CONF
    /usr/sbin/bird -f -c "$WORK/bird.conf" -s "$WORK/bird.ctl" > "$WORK/bird.out" 2>&1 &
    D_PID=$!
}

d_session() {
    local line
    line=$(birdc -s "$WORK/bird.ctl" show protocols route_server 2>/dev/null | tail -n 1)
    grep -q Established <<< "$line" && { echo Established; return 0; }
    echo "${line:-no answer from birdc}" | tr -s ' '
    return 1
}

# routes learnt from the route server: PREFIX|AS PATH|NEXT HOP
d_routes() {
    birdc -s "$WORK/bird.ctl" show route all protocol route_server 2>/dev/null | awk '
        /^[0-9]/ { if (p != "") print p "|" path "|" nh; p = $1; path = ""; nh = "" }
        /BGP.as_path:/ { sub(/.*BGP.as_path: */, ""); path = $0 }
        /BGP.next_hop:/ { sub(/.*BGP.next_hop: */, ""); nh = $1 }
        END { if (p != "") print p "|" path "|" nh }'
}

d_details() {
    echo "BIRD's log:"
    tail -n 5 "$WORK/bird.log" 2>/dev/null | sed 's/^/  /'
}
