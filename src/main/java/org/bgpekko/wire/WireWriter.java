// A growable big-endian byte sink used by every encoder.
package org.bgpekko.wire;

import java.util.Arrays;

public final class WireWriter {
    private byte[] buf;
    private int pos;

    public WireWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public WireWriter() {
        this(256);
    }

    public int position() {
        return pos;
    }

    /** Drops everything written after position p. */
    public void truncate(int p) {
        pos = p;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    public WireWriter put8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter put16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter put24(int v) {
        ensure(3);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter put32(long v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter put64(long v) {
        put32(v >>> 32);
        return put32(v);
    }

    public WireWriter putBytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
        return this;
    }

    public WireWriter putBytes(Bytes b) {
        ensure(b.length());
        b.copyTo(buf, pos);
        pos += b.length();
        return this;
    }

    /** Overwrites a byte already written. */
    public void set8(int at, int v) {
        buf[at] = (byte) v;
    }

    /** Overwrites two bytes already written. */
    public void set16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    /** Opens a gap of n bytes at 'at', moving what follows. */
    public void insertGap(int at, int n) {
        ensure(n);
        System.arraycopy(buf, at, buf, at + n, pos - at);
        pos += n;
    }

    public byte[] toArray() {
        return Arrays.copyOf(buf, pos);
    }

    public Bytes toBytes(int from, int to) {
        return Bytes.wrapOwned(Arrays.copyOfRange(buf, from, to));
    }
}
