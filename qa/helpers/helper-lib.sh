# Shared functions of the conformance helper programs (*.run in this folder); sourced, never run.
#
# The helpers follow /work/shared/exabgp-conformance/README.md (the "shared README") section 4 (what each
# helper writes and checks, and when) and section 5 (acknowledgements, shutdown notice). Vocabulary:
#   at T / at_ms MS   wait until T seconds (MS milliseconds) after the helper started: the README's relative
#                     timings are kept as a schedule, not as accumulated delays
#   pause T           wait T seconds from now ("each followed by its acks and a 0.1 s pause")
#   send LINE         write one command line (one write(2), so the speaker sees it at once)
#   send_batch L...   write several command lines with a single write(2) ("one write of N lines"); one write each
#                     with HELPER_LINE_BY_LINE=1
#   acks N            read up to N answers (`done` or `error`) within a 2 s budget; other lines are
#                     skipped and the outcome is ignored
#   answer T          the next line within T seconds into LINE (trimmed), for helpers that check answers
#   tail_stdin        read stdin for up to 5 s; returns on an empty line (text events end with one) or when
#                     the 5 s are over; the helper then exits and the speaker respawns it (respawn default)
#   listen T          read and ignore stdin for T seconds
#   drain             read and ignore stdin until EOF, `shutdown` or the parent's death
#   json_valid TEXT   whether TEXT is one valid JSON value (sed only)
# Every read waits at most 1 s at a time and then checks that the parent (the speaker) is still alive (and
# not a zombie), so no helper outlives the speaker; EOF or a line containing `shutdown` ends the helper
# (exit 0) wherever it reads. Nothing reads stdin while waiting (`at`): lines pile up in the pipe, as with
# a sleeping program.
# HELPER_MAX_SECONDS (default 300) bounds every helper's life, the "forever" ones included.
# HELPER_TRACE=1 echoes every line written and read to stderr.

set -u
export LC_ALL=C

HELPER_NAME=${0##*/}
_helper_parent=$PPID
_helper_t0=${EPOCHREALTIME//[!0-9]/}
_helper_partial=
_helper_max_us=$(( ${HELPER_MAX_SECONDS:-300} * 1000000 ))
LINE=
FOREVER_US=$(( 3600 * 1000000 ))   # "until a line comes": still bounded by the parent and the life bound

# note TEXT: a diagnostic on stderr (the speaker logs or shows it; it is not a command).
note() {
    printf '%s: %s\n' "$HELPER_NAME" "$*" >&2
}

# finish [CODE]: end the helper; on_exit (a function a helper may define) runs first.
finish() {
    if declare -F on_exit >/dev/null; then on_exit; fi
    exit "${1:-0}"
}

# _elapsed: microseconds since the helper started, in REPLY.
_elapsed() {
    local now=${EPOCHREALTIME//[!0-9]/}
    REPLY=$(( now - _helper_t0 ))
}

# _to_us SECONDS: "1", "0.2", "3.25" -> microseconds in REPLY.
_to_us() {
    local s=$1 i f=
    i=${s%%.*}
    [[ $s == *.* ]] && f=${s#*.}
    f=${f}000000
    REPLY=$(( 10#${i:-0} * 1000000 + 10#${f:0:6} ))
}

# _to_s MICROSECONDS -> "S.UUUUUU" in REPLY.
_to_s() {
    printf -v REPLY '%d.%06d' $(( $1 / 1000000 )) $(( $1 % 1000000 ))
}

# _alive: ends the helper when the parent is gone or the life bound is reached.
_alive() {
    if ! kill -0 "$_helper_parent" 2>/dev/null; then
        finish 0
    fi
    local stat=
    if [[ -r /proc/$_helper_parent/stat ]] && read -r stat < "/proc/$_helper_parent/stat" 2>/dev/null; then
        stat=${stat##*) }                    # after "PID (COMM) ": the state letter first
        [[ $stat == Z* ]] && finish 0        # the speaker is dead, not yet reaped
    fi
    _elapsed
    if (( REPLY > _helper_max_us )); then
        note "life bound of ${HELPER_MAX_SECONDS:-300} s reached"
        finish 0
    fi
}

# at SECONDS: sleep until that time after the helper's start (at once if already past).
at() {
    local target left
    _to_us "$1"; target=$REPLY
    while :; do
        _alive
        _elapsed; left=$(( target - REPLY ))
        (( left <= 0 )) && return 0
        (( left > 1000000 )) && left=1000000
        _to_s "$left"
        sleep "$REPLY"
    done
}

# at_ms MILLISECONDS: as at, in whole milliseconds (for schedules computed in a loop).
at_ms() {
    _to_s $(( $1 * 1000 ))
    at "$REPLY"
}

# pause SECONDS: sleep that long from now (for "then a 0.1 s pause" between steps).
pause() {
    local us
    _to_us "$1"; us=$REPLY
    _elapsed
    _to_s $(( REPLY + us ))
    at "$REPLY"
}

# send LINE: one command, one write.
send() {
    [[ -n ${HELPER_TRACE-} ]] && note "> $1"
    printf '%s\n' "$1"
}

# send_batch LINE...: several commands in a single write(2). Bash's own output goes through a line-buffered
# stdio stream (its first write of a multi-line text is split at each newline), so the block goes to cat
# through a here-string: the shell writes it whole into the here-string and cat copies it in one write.
# With HELPER_LINE_BY_LINE=1 (the runner's --line-by-line) each line is its own write(2) instead, back to back,
# as an unbuffered Python helper or ExaBGP's newer helper library writes them.
send_batch() {
    local block= l
    if [[ -n ${HELPER_LINE_BY_LINE-} ]]; then
        for l in "$@"; do
            send "$l"
        done
        return
    fi
    for l in "$@"; do
        [[ -n ${HELPER_TRACE-} ]] && note "> $l (batch)"
        block+=$l$'\n'
    done
    cat <<<"${block%$'\n'}"
}

# read_line BUDGET_US: the next input line into LINE. Returns 0 with a line, 1 when the budget ran out.
# EOF ends the helper; a line containing `shutdown` ends it too unless KEEP_SHUTDOWN=1.
read_line() {
    local deadline left rc chunk
    _elapsed; deadline=$(( REPLY + $1 ))
    while :; do
        _alive
        _elapsed; left=$(( deadline - REPLY ))
        (( left <= 0 )) && return 1
        (( left > 1000000 )) && left=1000000
        _to_s "$left"
        chunk=
        IFS= read -r -t "$REPLY" chunk
        rc=$?
        if (( rc == 0 )); then
            LINE=$_helper_partial$chunk
            _helper_partial=
            [[ -n ${HELPER_TRACE-} ]] && note "< $LINE"
            if [[ $LINE == *shutdown* && -z ${KEEP_SHUTDOWN-} ]]; then
                finish 0
            fi
            return 0
        elif (( rc > 128 )); then
            _helper_partial+=$chunk          # a timed-out read keeps what it got of the line
        else
            finish 0                         # EOF: the speaker closed our stdin
        fi
    done
}

# answer SECONDS: the next line into LINE, trimmed; returns 1 when none came in time.
answer() {
    _to_us "$1"
    read_line "$REPLY" || return 1
    LINE=${LINE#"${LINE%%[![:space:]]*}"}
    LINE=${LINE%"${LINE##*[![:space:]]}"}
    return 0
}

# acks N: up to N answers (`done` or `error`) within 2 s; other lines (events) are skipped.
acks() {
    local want=$1 got=0 deadline left
    _elapsed; deadline=$(( REPLY + 2000000 ))
    while (( got < want )); do
        _elapsed; left=$(( deadline - REPLY ))
        (( left <= 0 )) && return 0
        read_line "$left" || return 0
        case $LINE in
            done|error) got=$(( got + 1 )) ;;
        esac
    done
}

# tail_stdin: read stdin for up to 5 s; ends the helper on EOF and on `shutdown`, returns on an empty line
# or when the 5 s are over (the helper then exits and the speaker respawns it, unless respawn is off).
tail_stdin() {
    local deadline left
    _elapsed; deadline=$(( REPLY + 5000000 ))
    while :; do
        _elapsed; left=$(( deadline - REPLY ))
        (( left <= 0 )) && return 0
        read_line "$left" || return 0
        [[ -z $LINE ]] && return 0
    done
}

# listen SECONDS: read and ignore lines for that long (EOF and `shutdown` end the helper).
listen() {
    local span deadline left
    _to_us "$1"; span=$REPLY
    _elapsed; deadline=$(( REPLY + span ))
    while :; do
        _elapsed; left=$(( deadline - REPLY ))
        (( left <= 0 )) && return 0
        read_line "$left" || return 0
    done
}

# drain: read and ignore lines until EOF, `shutdown` or the parent's death (bounded by the life bound).
drain() {
    while :; do
        read_line 1000000 || true
    done
}

# json_valid TEXT: true when TEXT is one syntactically valid JSON value. Strings become S, numbers and
# literals V, whitespace goes, then innermost objects and arrays are reduced to V until one value is left.
json_valid() {
    local reduced
    reduced=$(printf '%s\n' "$1" | sed -E '
        s/"([^"\\]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/S/g
        s/-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/V/g
        s/true|false|null/V/g
        s/[[:space:]]+//g
        :reduce
        s/\{(S:[SV](,S:[SV])*)?\}/V/g
        s/\[([SV](,[SV])*)?\]/V/g
        t reduce
    ')
    [[ $reduced == [SV] ]]
}
