#!/bin/bash
# selftest.sh: checks the helper programs' own checks without a speaker (qa/helpers/selftest.sh).
# Each scenario runs one helper as a coprocess against a tiny scripted "speaker" (acks on/off as in the
# shared README section 5.3, plus scenario-specific lines) and compares what the helper wrote. Bounded: every
# scenario ends within its time limit (the helper is killed by PID otherwise). Exit code 0 when all pass.
set -u
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pass=0 fail=0
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT

# run_helper NAME LIMIT RESPOND: runs NAME, feeding it "respond LINE" output for each line it writes,
# and collects what it wrote in OUT (one command a line). respond may print nothing, or lines to send.
# Lines in START are sent before the helper writes anything.
run_helper() {
    local name=$1 limit=$2 line deadline reply
    OUT=
    coproc H { exec "$here/$name"; }
    local pid=$H_PID in=${H[1]} out=${H[0]}
    for line in "${START[@]}"; do printf '%s\n' "$line" >&"$in"; done
    deadline=$(( SECONDS + limit ))
    local partial=
    while (( SECONDS < deadline )); do
        line=
        if IFS= read -r -t 0.5 -u "$out" line; then
            line=$partial$line; partial=
            OUT+=$line$'\n'
            respond "$line" > "$scratch"
            [[ -s $scratch ]] && cat "$scratch" >&"$in" 2>/dev/null
        elif (( $? > 128 )); then
            partial+=$line                  # a timed-out read keeps what it got of the line
        elif ! kill -0 "$pid" 2>/dev/null; then
            break
        fi
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null
        TIMED_OUT=1
    else
        TIMED_OUT=
    fi
    exec {in}>&- 2>/dev/null
    wait "$pid" 2>/dev/null
}

# A speaker's acknowledgements: done per command while acks are on (disable-ack: one last done).
acks=on
ack_model() {
    case $1 in
        disable-ack) [[ $acks == on ]] && echo done; acks=off ;;
        silence-ack) acks=off ;;
        enable-ack) acks=on; echo done ;;
        debug*) ;;
        *) [[ $acks == on ]] && echo done ;;
    esac
}

# verdict NAME CONDITION-DESCRIPTION TEST...: records the result of [[ TEST ]].
verdict() {
    local name=$1; shift
    if "$@"; then pass=$((pass + 1)); echo "PASS $name"; else fail=$((fail + 1)); echo "FAIL $name"; printf '%s' "$OUT" | sed 's/^/    wrote: /'; fi
}
has() { [[ $OUT == *"$1"* ]]; }
hasnt() { [[ $OUT != *"$1"* ]]; }

# 1. api-ack-control against a correct speaker: all five commands are written.
START=(); acks=on
respond() { ack_model "$1"; }
run_helper api-ack-control.run 8
verdict "ack-control: correct acks -> all five commands" has "announce route 1.3.0.0/24"

# 2. api-ack-control against a speaker that ignores disable-ack: it stops after 1.2.0.0/24.
START=()
respond() { echo done; }
run_helper api-ack-control.run 8
verdict "ack-control: answer after disable-ack -> stops early" \
    eval 'has "announce route 1.2.0.0/24" && hasnt "enable-ack" && [[ -z $TIMED_OUT ]]'

# 3. api-silence-ack against a correct speaker, then against one that answers silence-ack.
START=(); acks=on
respond() { ack_model "$1"; }
run_helper api-silence-ack.run 8
verdict "silence-ack: correct acks -> all five commands" has "announce route 2.3.0.0/24"
START=()
respond() { echo done; }
run_helper api-silence-ack.run 8
verdict "silence-ack: answer to silence-ack -> stops early" \
    eval 'hasnt "announce route 2.2.0.0/24" && [[ -z $TIMED_OUT ]]'

# 4. api-rr: the replayed routes come back -> 192.168.0.2/32; a wrong replay -> debug and 255.255.255.255/32.
replay() {
    ack_model "$1"
    if [[ $1 == "announce route-refresh ipv4 unicast" ]]; then
        echo "{ \"type\": \"update\", \"announce\": { \"ipv4 unicast\": { \"10.0.0.0\": [ { \"nlri\": \"192.168.0.0/32\" } ] } } }"
        echo "{ \"type\": \"update\", \"announce\": { \"ipv4 unicast\": { \"10.0.0.1\": [ { \"nlri\": \"$2\" } ] } } }"
    fi
}
START=(); acks=on
respond() { replay "$1" 192.168.0.1/32; }
run_helper api-rr.run 10
verdict "rr: correct replay -> 192.168.0.2/32" eval 'has "announce route 192.168.0.2/32" && hasnt debug'
START=(); acks=on
respond() { replay "$1" 192.168.0.9/32; }
run_helper api-rr.run 10
verdict "rr: wrong replay -> debug + 255.255.255.255/32" \
    eval 'has "debug" && has "announce route 255.255.255.255/32" && hasnt "192.168.0.2/32"'
START=(); acks=on
respond() { case $1 in *192.168.0.1/32*) echo error ;; *) replay "$1" 192.168.0.1/32 ;; esac; }
run_helper api-rr.run 10
verdict "rr: error instead of done -> debug + 255.255.255.255/32" \
    eval 'has "debug" && has "announce route 255.255.255.255/32" && hasnt "route-refresh"'

# 5. api-open: a valid JSON OPEN event first -> announce; invalid JSON -> nothing.
START=('{ "exabgp": "5.0.0", "type": "open", "neighbor": { "direction": "send", "message": { "open": { "version": 4, "asn": 1, "hold_time": 180, "router_id": "1.2.3.4", "capabilities": { "1": [ 1, 1 ] } } } } }')
acks=on; respond() { ack_model "$1"; }
run_helper api-open.run 5
verdict "open: valid JSON OPEN -> announce" has "announce route 1.1.1.1/32"
START=('{ "type": "open", "families": [ ipv4 unicast ] }')
run_helper api-open.run 5
verdict "open: invalid JSON -> no announce" eval '[[ -z $OUT && -z $TIMED_OUT ]]'

# 6. api-check: the default route first -> 1.2.3.4; an empty line first -> 0.0.0.0/0 and exit.
respond() { :; }
START=("neighbor 127.0.0.1 receive update start"
       "neighbor 127.0.0.1 receive update announced 0.0.0.0/32 next-hop 127.0.0.1 origin igp local-preference 100"
       "neighbor 127.0.0.1 receive update end" "")
run_helper api-check.run 3
verdict "check: default route first -> 1.2.3.4" eval 'has "route 1.2.3.4 next-hop 5.6.7.8" && hasnt 255.255.255.255'
START=("neighbor 127.0.0.1 send update start" "neighbor 127.0.0.1 send update announced ::1/128 next-hop ::1"
       "neighbor 127.0.0.1 send update end" "")
run_helper api-check.run 3
verdict "check: send block first -> 0.0.0.0/0" eval 'has "0.0.0.0/0 next-hop 255.255.255.255" && [[ -z $TIMED_OUT ]]'

# 7. api-api: keepalive and the default route -> 6.6.6.0/24 via 1.1.1.1 (after 2 s); other line -> 9.9.9.9.
START=('{ "type": "keepalive" }' '{ "type": "update", "nlri": "0.0.0.0/32" }')
run_helper api-api.receive.run 4
verdict "api.receive: default route -> 6.6.6.0/24 via 1.1.1.1" eval 'has "next-hop 1.1.1.1" && hasnt 9.9.9.9'
START=('{ "type": "open" }')
run_helper api-api.receive.run 4
verdict "api.receive: other event -> 6.6.6.0/24 via 9.9.9.9" eval 'has "next-hop 9.9.9.9" && [[ -z $TIMED_OUT ]]'
START=('{ "exabgp": "5.0.0", "type": "notification", "notification": "shutdown" }')
run_helper api-api.nothing.run 4
verdict "api.nothing: shutdown first -> exits quietly" eval '[[ -z $OUT && -z $TIMED_OUT ]]'
START=('{ "type": "keepalive" }')
run_helper api-api.nothing.run 4
verdict "api.nothing: an event -> 6.6.6.0/24 via 9.9.9.9" has "next-hop 9.9.9.9"

# 8. Ending: a shutdown line ends a tailing helper at once (its tail would last 5 s); so does EOF.
START=('{ "exabgp": "5.0.0", "type": "notification", "notification": "shutdown" }')
respond() { :; }
t0=$SECONDS; run_helper api-nexthop.run 4
verdict "shutdown line ends the helper during its tail" eval 'has "next-hop 2001::1" && [[ -z $TIMED_OUT ]]'
t0=${EPOCHREALTIME/./}
"$here/api-nexthop.run" </dev/null >/dev/null
OUT=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
verdict "EOF ends the helper during its tail (${OUT} ms)" test "$OUT" -lt 2000

# 9. The parent's death ends even the helper that never reads (watchdog): it checks at each step (0.2 s).
out=$(mktemp) pidf=$(mktemp)
bash -c '"$1" > "$2" & echo $! > "$3"; sleep 1.5' _ "$here/watchdog.run" "$out" "$pidf" </dev/null
# running: alive and not a zombie (an orphan stays a zombie until its new parent reaps it)
running() { kill -0 "$1" 2>/dev/null && [[ $(ps -o stat= -p "$1" 2>/dev/null) != Z* ]]; }
wpid=$(cat "$pidf") t0=$SECONDS
while running "$wpid" && (( SECONDS - t0 < 5 )); do sleep 0.1; done
OUT=$(cat "$out")
if running "$wpid"; then
    kill "$wpid"
    verdict "watchdog ends after its parent (still running 5 s later)" false
else
    verdict "watchdog ends after its parent (and had started toggling)" has "announce watchdog dnsr"
fi
rm -f "$out" "$pidf"

# 10. One write per batch (api-fast): checked with strace when available.
if command -v strace >/dev/null; then
    trace=$(mktemp)
    timeout 5 strace -f -s 512 -e trace=write -o "$trace" "$here/api-fast.run" </dev/null >/dev/null 2>&1
    OUT=$(grep -c 'write(1, "announce route 1.1.0.0/24 next-hop 101.1.101.1\\nannounce route 1.1.0.0/25 next-hop 101.1.101.1\\nwithdraw route 1.1.0.0/24 next-hop 101.1.101.1\\nannounce route 1.1.0.0/25 next-hop 101.1.101.1\\n", 188)' "$trace")
    verdict "fast: four lines in one write" test "$OUT" = 1
    # --line-by-line: the same four lines, one write each
    HELPER_LINE_BY_LINE=1 timeout 5 strace -f -s 512 -e trace=write -o "$trace" "$here/api-fast.run" </dev/null \
        >/dev/null 2>&1
    OUT=$(grep -c 'write(1, "[a-z]* route 1.1.0.0/2[45] next-hop 101.1.101.1\\n", [0-9]*)' "$trace")
    verdict "fast, line by line: four writes of one line" test "$OUT" = 4
    rm -f "$trace"
fi

echo "selftest: $pass passed, $fail failed"
(( fail == 0 ))
