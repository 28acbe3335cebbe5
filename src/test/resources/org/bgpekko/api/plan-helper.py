#!/usr/bin/env python3
# A scripted helper for the api tests: plays a plan file, one step a line, writing every command with its own
# write(2) (no buffering), and records what the speaker answers.
#   up            read stdin until the "neighbor ... up" event
#   w TEXT        write TEXT and a newline, in one write(2)
#   bytes HEX     write these bytes, in one write(2)
#   fill N        write N bytes 'x' and no newline, 64 KiB at a time
#   gap US        busy-wait that many microseconds (a sleep would be far longer than asked)
#   sleep S       sleep that many seconds
#   answers N     read until N answers (done or error); every answer and informational line is recorded
#   exit CODE     exit at once
# After the plan it reads stdin until EOF. Usage: plan-helper.py PLAN ANSWERS_FILE
import os
import sys
import time

plan, record = sys.argv[1], sys.argv[2]
out = open(record, 'w', buffering=1)
deadline = time.monotonic() + 300  # never outlive a test by much


def readline():
    line = sys.stdin.readline()
    if not line or time.monotonic() > deadline:
        sys.exit(0)
    return line.rstrip('\n')


def answers(n):
    got = 0
    while got < n:
        line = readline()
        if not line or line.startswith('neighbor '):
            continue
        out.write(line + '\n')
        if line in ('done', 'error'):
            got += 1


for raw in open(plan):
    op, _, arg = raw.rstrip('\n').partition(' ')
    if op == 'up':
        while not readline().endswith(' up'):
            pass
    elif op == 'w':
        os.write(1, (arg + '\n').encode())
    elif op == 'bytes':
        os.write(1, bytes.fromhex(arg))
    elif op == 'fill':
        left = int(arg)
        while left > 0:
            left -= os.write(1, b'x' * min(left, 65536))
    elif op == 'gap':
        end = time.perf_counter_ns() + int(arg) * 1000
        while time.perf_counter_ns() < end:
            pass
    elif op == 'sleep':
        time.sleep(float(arg))
    elif op == 'answers':
        answers(int(arg))
    elif op == 'exit':
        sys.exit(int(arg))
out.write('plan done\n')
while readline() is not None:
    pass
