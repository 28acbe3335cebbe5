// An immutable run of bytes: the only way a record in this codebase carries raw wire data.
package org.bgpekko.wire;

import java.util.Arrays;

public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;
    private int hash;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies buf[off, off+len). */
    public static Bytes of(byte[] buf, int off, int len) {
        return len == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(buf, off, off + len));
    }

    public static Bytes of(byte... bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static Bytes fromHex(String hex) {
        return wrapOwned(Hex.decode(hex));
    }

    /**
     * Takes ownership of an array nobody else will modify (not copied: an encoded message shared by many sessions,
     * such as an update group's).
     */
    public static Bytes wrapOwned(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned);
    }

    public static Bytes ascii(String text) {
        return wrapOwned(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public int get(int i) {
        return data[i] & 0xFF;
    }

    public byte[] toArray() {
        return data.clone();
    }

    /**
     * The bytes themselves, not a copy, for a wrapper that never writes them either (Pekko's
     * {@code ByteString.fromArrayUnsafe}); nothing may modify the array.
     */
    public byte[] toArrayUnsafe() {
        return data;
    }

    public void copyTo(byte[] dst, int dstOff) {
        System.arraycopy(data, 0, dst, dstOff, data.length);
    }

    public void writeTo(WireWriter out) {
        out.putBytes(data, 0, data.length);
    }

    public String hex() {
        return Hex.encode(data);
    }

    public String utf8() {
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(data);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        return "0x" + hex();
    }
}
