# Shared by qa/interop/matrix.sh and its daemon and server modules (sourced): addresses, processes, route checks.

# The topology: the route server, the daemon under test and the scripted client, each on its own loopback address.
RS_ADDR=127.0.0.1
RS_AS=64500
D_ADDR=127.0.0.2
D_AS=64502
D_PREFIXES="198.51.100.0/24 203.0.113.0/24"   # the daemon originates them: AS_PATH "64502", NEXT_HOP 127.0.0.2
D_PATH="$D_AS"
C_ADDR=127.0.0.3
C_AS=64503
C_PREFIXES="192.0.2.0/25 192.0.2.128/25"       # the scripted client sends them: AS_PATH "64503 65003", NEXT_HOP below
C_PATH="$C_AS 65003"
# The scripted client's NEXT_HOP: not its loopback address, which FRR ("Martian nexthop", NOTIFICATION 3/8) and GoBGP
# ("invalid nexthop address", treat-as-withdraw) refuse in what the route server relays; 198.18.0.0/15 (RFC 2544)
# is neither loopback nor inside the prefixes it announces.
C_NEXT_HOP=198.18.0.3

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

listening() { # listening PORT: something listens on it
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
}

# stop_pid PID [SIGNAL]: SIGTERM (or SIGNAL), up to 5 s to exit, then SIGKILL; only the PID given
stop_pid() {
    local pid=$1 sig=${2:-TERM} i
    [[ -n $pid ]] || return 0
    kill -s "$sig" "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -s KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# ensure_package PACKAGE PROGRAM: installs the Debian package when PROGRAM is missing
ensure_package() {
    [[ -x $2 ]] && return 0
    echo "   installing $1 from Debian" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" > /dev/null 2>&1 || true
    [[ -x $2 ]]
}

# routes_of_client STATE: the scripted client's received routes as PREFIX|AS PATH|NEXT HOP lines
routes_of_client() {
    python3 - "$1" <<'PY' 2>/dev/null || true
import json, sys
doc = json.load(open(sys.argv[1]))
for prefix, r in sorted(doc.get("received", {}).items()):
    print(f"{prefix}|{' '.join(str(a) for a in r.get('as_path', []))}|{r.get('next_hop', '')}")
PY
}

# verify LINES PREFIXES AS_PATH NEXT_HOP: checks that every prefix is among the PREFIX|AS PATH|NEXT HOP lines with
# exactly that AS_PATH and NEXT_HOP. Prints "N/M" and, for each that is not right, what is wrong. Exit 0 if all are.
verify() {
    local lines=$1 path=$3 nh=$4 p line got_path got_nh good=0 total=0 wrong=()
    for p in $2; do
        total=$((total + 1))
        line=$(grep -m1 -F "$p|" <<< "$lines" || true)
        if [[ -z $line ]]; then
            wrong+=("$p missing")
            continue
        fi
        IFS='|' read -r _ got_path got_nh <<< "$line"
        if [[ $got_path != "$path" ]]; then
            wrong+=("$p AS_PATH '$got_path' (sent '$path')")
        elif [[ $got_nh != "$nh" ]]; then
            wrong+=("$p NEXT_HOP $got_nh (sent $nh)")
        else
            good=$((good + 1))
        fi
    done
    local joined="" w
    for w in "${wrong[@]}"; do
        joined+="${joined:+, }$w"
    done
    echo "$good/$total${joined:+ ($joined)}"
    ((good == total))
}

# count_prefixes TEXT PREFIXES: how many of PREFIXES appear in TEXT (as "N/M")
count_prefixes() {
    local p n=0 m=0
    for p in $2; do
        m=$((m + 1))
        grep -qF -- "$p" <<< "$1" && n=$((n + 1))
    done
    echo "$n/$m"
}
