#!/usr/bin/env python3
"""Scripted BGP client of the interop matrix: a route-server client next to the daemon under test.

Connects from its own loopback address to the route server, negotiates IPv4 unicast with 4-octet AS numbers,
announces its routes (AS_PATH and NEXT_HOP as given, MED 50, community AS:1), answers nothing but the OPEN and
KEEPALIVEs, and records every route it receives with its AS_PATH and NEXT_HOP. Every half second (and at the end)
it rewrites STATE (a JSON file, written atomically):

    {"state": "connecting|open-sent|established|closed", "why": "...", "updates": N,
     "received": {"198.51.100.0/24": {"as_path": [64502], "next_hop": "127.0.0.2"}, ...}}

It stops by itself after --duration seconds, when the file --stop appears, or on SIGTERM, sending a Cease.
Standard library only; its UPDATE decoder is independent of bgpekko's codec.
"""
import argparse
import ipaddress
import json
import os
import signal
import socket
import struct
import sys
import threading
import time

MARKER = b"\xff" * 16
OPEN, UPDATE, NOTIFICATION, KEEPALIVE = 1, 2, 3, 4
AS_TRANS = 23456


def message(kind, body=b""):
    return MARKER + struct.pack("!HB", 19 + len(body), kind) + body


def open_message(asn, router_id, hold):
    caps = bytes([1, 4, 0, 1, 0, 1])                      # multiprotocol IPv4 unicast
    caps += bytes([65, 4]) + struct.pack("!I", asn)      # 4-octet AS
    caps += bytes([2, 0])                                # route refresh
    params = bytes([2, len(caps)]) + caps
    my_as = asn if asn <= 0xFFFF else AS_TRANS
    body = struct.pack("!BHH", 4, my_as, hold) + ipaddress.IPv4Address(router_id).packed
    return message(OPEN, body + bytes([len(params)]) + params)


def attribute(flags, kind, value):
    if len(value) > 255:
        return struct.pack("!BBH", flags | 0x10, kind, len(value)) + value
    return struct.pack("!BBB", flags, kind, len(value)) + value


def prefix_bytes(prefix):
    net = ipaddress.IPv4Network(prefix)
    n = (net.prefixlen + 7) // 8
    return bytes([net.prefixlen]) + net.network_address.packed[:n]


def announce(prefixes, as_path, next_hop, med, community):
    attrs = attribute(0x40, 1, b"\x00")                                              # ORIGIN IGP
    attrs += attribute(0x40, 2, bytes([2, len(as_path)]) + b"".join(struct.pack("!I", a) for a in as_path))
    attrs += attribute(0x40, 3, ipaddress.IPv4Address(next_hop).packed)
    attrs += attribute(0x80, 4, struct.pack("!I", med))
    attrs += attribute(0xC0, 8, struct.pack("!I", community))
    nlri = b"".join(prefix_bytes(p) for p in prefixes)
    return message(UPDATE, struct.pack("!H", 0) + struct.pack("!H", len(attrs)) + attrs + nlri)


def prefixes_of(data):
    out, i = [], 0
    while i < len(data):
        bits = data[i]
        n = (bits + 7) // 8
        addr = data[i + 1:i + 1 + n] + b"\x00" * (4 - n)
        out.append(f"{ipaddress.IPv4Address(addr)}/{bits}")
        i += 1 + n
    return out


def has_as4(open_body):
    params, i = open_body[10:10 + open_body[9]], 0
    while i + 2 <= len(params):
        kind, n = params[i], params[i + 1]
        if kind == 2:
            caps, k = params[i + 2:i + 2 + n], 0
            while k + 2 <= len(caps):
                if caps[k] == 65:
                    return True
                k += 2 + caps[k + 1]
        i += 2 + n
    return False


def parse_as_path(value, asn4):
    path, i, size = [], 0, 4 if asn4 else 2
    while i + 2 <= len(value):
        kind, count = value[i], value[i + 1]
        i += 2
        asns = [int.from_bytes(value[i + k * size:i + (k + 1) * size], "big") for k in range(count)]
        i += count * size
        path.extend(asns if kind == 2 else [asns])          # an AS_SET stays a list inside the path
    return path


class Client:
    def __init__(self, args):
        self.args = args
        self.state = "connecting"
        self.why = ""
        self.updates = 0
        self.received = {}
        self.asn4 = False
        self.lock = threading.Lock()
        self.sock = None
        self.stopping = False

    def dump(self):
        with self.lock:
            doc = {"state": self.state, "why": self.why, "updates": self.updates, "received": self.received}
            tmp = self.args.state + ".tmp"
            with open(tmp, "w") as f:
                json.dump(doc, f, indent=1, sort_keys=True)
            os.replace(tmp, self.args.state)

    def send(self, data):
        with self.lock:
            self.sock.sendall(data)

    def run(self):
        host, port = self.args.server.rsplit(":", 1)
        deadline = time.monotonic() + self.args.duration
        while not self.stopping and time.monotonic() < deadline:
            try:
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                s.bind((self.args.local, 0))
                s.settimeout(5)
                s.connect((host, int(port)))
                s.settimeout(None)
                self.sock = s
                break
            except OSError as e:
                self.why = f"connect: {e}"
                s.close()
                time.sleep(1)
        if self.sock is None:
            self.state = "closed"
            return
        self.send(open_message(self.args.asn, self.args.local, self.args.hold))
        self.state = "open-sent"
        threading.Thread(target=self.read, daemon=True).start()
        threading.Thread(target=self.keepalives, daemon=True).start()
        while not self.stopping and time.monotonic() < deadline and self.state != "closed":
            if self.args.stop and os.path.exists(self.args.stop):
                break
            self.dump()
            time.sleep(0.5)
        if self.state != "closed":
            try:
                self.send(message(NOTIFICATION, bytes([6, 2])))
            except OSError:
                pass
            self.state, self.why = "closed", self.why or "stopped by the script"
        self.sock.close()

    def keepalives(self):
        while self.state != "closed":
            time.sleep(min(10, self.args.hold // 3 or 10))
            try:
                self.send(message(KEEPALIVE))
            except OSError:
                return

    def read_exactly(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    def read(self):
        try:
            while True:
                head = self.read_exactly(19)
                length, kind = struct.unpack("!HB", head[16:19])
                body = self.read_exactly(length - 19)
                if kind == OPEN:
                    self.asn4 = has_as4(body)
                    self.send(message(KEEPALIVE))
                elif kind == KEEPALIVE and self.state == "open-sent":
                    self.state = "established"
                    self.send(announce(self.args.announce, self.args.as_path, self.args.next_hop, 50,
                                       self.args.asn << 16 | 1))
                elif kind == UPDATE:
                    self.update(body)
                elif kind == NOTIFICATION:
                    self.why = f"NOTIFICATION {body[0]}/{body[1]} received"
                    break
        except (EOFError, OSError) as e:
            self.why = self.why or f"connection closed by the route server ({e.__class__.__name__})"
        self.state = "closed"

    def update(self, body):
        wlen = struct.unpack("!H", body[:2])[0]
        withdrawn = prefixes_of(body[2:2 + wlen])
        alen = struct.unpack("!H", body[2 + wlen:4 + wlen])[0]
        attrs = body[4 + wlen:4 + wlen + alen]
        nlri = prefixes_of(body[4 + wlen + alen:])
        info, i = {}, 0
        while i < len(attrs):
            flags, kind = attrs[i], attrs[i + 1]
            if flags & 0x10:
                n, i = struct.unpack("!H", attrs[i + 2:i + 4])[0], i + 4
            else:
                n, i = attrs[i + 2], i + 3
            value = attrs[i:i + n]
            i += n
            if kind == 2:
                info["as_path"] = parse_as_path(value, self.asn4)
            elif kind == 3:
                info["next_hop"] = str(ipaddress.IPv4Address(value))
            elif kind == 4:
                info["med"] = int.from_bytes(value, "big")
        with self.lock:
            self.updates += 1
            for p in withdrawn:
                self.received.pop(p, None)
            for p in nlri:
                self.received[p] = info


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", required=True, help="HOST:PORT of the route server")
    ap.add_argument("--local", required=True, help="our address (also the BGP identifier)")
    ap.add_argument("--asn", type=int, required=True)
    ap.add_argument("--as-path", required=True, help="AS_PATH of our routes, e.g. '64503 65003'")
    ap.add_argument("--next-hop", required=True)
    ap.add_argument("--announce", nargs="+", default=[], help="prefixes to announce")
    ap.add_argument("--hold", type=int, default=90)
    ap.add_argument("--state", required=True, help="JSON state file, rewritten every 0.5 s")
    ap.add_argument("--stop", help="stop once this file exists")
    ap.add_argument("--duration", type=float, default=300)
    args = ap.parse_args()
    args.as_path = [int(a) for a in args.as_path.split()]
    client = Client(args)
    signal.signal(signal.SIGTERM, lambda *_: setattr(client, "stopping", True))
    try:
        client.run()
    finally:
        client.dump()
    return 0


if __name__ == "__main__":
    sys.exit(main())
