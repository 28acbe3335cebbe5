// Interns route attribute sets (canonical bytes) into small int ids with reference counts, packed in byte pages.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;
import org.bgpekko.wire.Bytes;

/**
 * One store per Rib, shared by all its Adj-RIBs; single-threaded (the Rib actor owns it).
 *
 * <p>{@link #acquire} returns the id of a value, creating it when new, and counts one reference; {@link #retain}
 * and {@link #release} add and drop references by id. When the count reaches zero the value is forgotten and its
 * id is reused. {@link #get} rebuilds the value from its bytes.
 *
 * <p>Layout (docs/decisions.md D7): the canonical bytes of every value are appended to 128 KiB pages, each entry
 * {@code [length u16 (0xFFFF: u32 follows)] [id u32] [bytes]}; an id maps to its entry's location; an
 * open-addressing table of ids, hashed on the bytes, finds a value. No object per value: about 26 bytes of
 * bookkeeping beside the bytes themselves. Freed entries stay in their page until the dead bytes outweigh the
 * live ones; the pages are then compacted in place, entries sliding towards the start (ids do not change).
 */
public final class AttributeStore {
    private static final int PAGE_BITS = 17;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_PAGES = 1 << (31 - PAGE_BITS);
    private static final int SHORT_HEADER = 6;
    private static final int LONG_HEADER = 10;
    /** Dead bytes below this are never worth a compaction. */
    private static final long MIN_DEAD = PAGE_SIZE;

    private byte[][] pages = new byte[4][];
    private int[] pageEnd = new int[4];
    private int pageCount;

    /** Per id: page << PAGE_BITS | offset of its entry. */
    private int[] location = new int[64];
    private int[] refs = new int[64];
    /**
     * Per id: the hash of its bytes, so growing the id table and closing a gap in it read no page (hashing every entry's
     * bytes again, a cache miss each, was most of the store's time at a million routes).
     */
    private int[] hashes = new int[64];
    /** Ids freed and ready for reuse (a stack). */
    private int[] free = new int[16];
    private int freeCount;
    /** The next id never handed out. */
    private int next;

    /** Open addressing, linear probing: id + 1 per slot, 0 when empty; power-of-two length, load at most 3/4. */
    private int[] slots = new int[16];
    private int size;
    private long liveBytes;
    private long deadBytes;

    /** The id of {@code value}, interned if new, with one more reference. */
    public int acquire(RouteAttributes value) {
        byte[] v = value.wire().toArray();
        int h = hash(v, 0, v.length);
        int mask = slots.length - 1;
        int pos = HashCommon.mix(h) & mask;
        for (int s; (s = slots[pos]) != 0; pos = pos + 1 & mask) {
            if (equal(s - 1, v)) {
                refs[s - 1]++;
                return s - 1;
            }
        }
        int id = freeCount > 0 ? free[--freeCount] : next++;
        if (id == location.length) {
            location = Arrays.copyOf(location, id * 2);
            refs = Arrays.copyOf(refs, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        location[id] = append(id, v);
        refs[id] = 1;
        hashes[id] = h;
        slots[pos] = id + 1;
        if (++size * 4 > slots.length * 3) {
            rehash(slots.length * 2);
        }
        return id;
    }

    /** Adds a reference to a live id. */
    public void retain(int id) {
        check(id);
        refs[id]++;
    }

    /** Drops a reference; the value is freed when none is left. */
    public void release(int id) {
        check(id);
        if (--refs[id] > 0) {
            return;
        }
        removeSlot(id);
        int loc = location[id];
        int bytes = entryBytes(pages[loc >>> PAGE_BITS], loc & PAGE_SIZE - 1);
        liveBytes -= bytes;
        deadBytes += bytes;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = id;
        if (--size == 0) {
            clearPages();
        } else if (deadBytes > MIN_DEAD && deadBytes > liveBytes) {
            compact();
        }
    }

    /** The value of a live id (built from its bytes: equal, not identical, to what was acquired). */
    public RouteAttributes get(int id) {
        check(id);
        int loc = location[id];
        byte[] page = pages[loc >>> PAGE_BITS];
        int off = loc & PAGE_SIZE - 1;
        return new RouteAttributes(Bytes.of(page, off + header(page, off), length(page, off)));
    }

    /** The references a live id has, 0 for an id not in use. */
    public int refCount(int id) {
        return id >= 0 && id < next ? refs[id] : 0;
    }

    /** Number of distinct values held. */
    public int size() {
        return size;
    }

    /** Bytes of the entries held (values and their headers), and of freed entries not yet compacted away. */
    long liveBytes() {
        return liveBytes;
    }

    long deadBytes() {
        return deadBytes;
    }

    private void check(int id) {
        if (id < 0 || id >= next || refs[id] == 0) {
            throw new IllegalArgumentException("attribute id " + id + " is not in use");
        }
    }

    // ---------------------------------------------------------------- entries in pages

    private static int header(byte[] page, int off) {
        return (page[off] & 0xFF) == 0xFF && (page[off + 1] & 0xFF) == 0xFF ? LONG_HEADER : SHORT_HEADER;
    }

    private static int length(byte[] page, int off) {
        int l = (page[off] & 0xFF) << 8 | page[off + 1] & 0xFF;
        return l != 0xFFFF ? l : getInt(page, off + 6);
    }

    private static int entryId(byte[] page, int off) {
        return getInt(page, off + 2);
    }

    private static int entryBytes(byte[] page, int off) {
        return header(page, off) + length(page, off);
    }

    private static int getInt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
    }

    private static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    /** Writes an entry at the end of the last page (a new page when it does not fit); returns its location. */
    private int append(int id, byte[] v) {
        int head = v.length < 0xFFFF ? SHORT_HEADER : LONG_HEADER;
        int total = head + v.length;
        int last = pageCount - 1;
        if (last < 0 || !fits(last, pageEnd[last], total)) {
            last = newPage(Math.max(PAGE_SIZE, total));
        }
        byte[] page = pages[last];
        int off = pageEnd[last];
        page[off] = (byte) (head == SHORT_HEADER ? v.length >>> 8 : 0xFF);
        page[off + 1] = (byte) (head == SHORT_HEADER ? v.length : 0xFF);
        putInt(page, off + 2, id);
        if (head == LONG_HEADER) {
            putInt(page, off + 6, v.length);
        }
        System.arraycopy(v, 0, page, off + head, v.length);
        pageEnd[last] = off + total;
        liveBytes += total;
        return last << PAGE_BITS | off;
    }

    /**
     * True when an entry of {@code total} bytes fits in page {@code p} at {@code off}. Offsets stay below PAGE_SIZE
     * (a location has PAGE_BITS for them): a page larger than that, made for one large entry, holds it at 0 only.
     */
    private boolean fits(int p, int off, int total) {
        return off == 0 ? total <= pages[p].length : off + total <= Math.min(PAGE_SIZE, pages[p].length);
    }

    private int newPage(int bytes) {
        if (pageCount == MAX_PAGES) {
            throw new IllegalStateException("attribute store full: " + MAX_PAGES + " pages of " + PAGE_SIZE + " bytes");
        }
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
            pageEnd = Arrays.copyOf(pageEnd, pageCount * 2);
        }
        pages[pageCount] = new byte[bytes];
        pageEnd[pageCount] = 0;
        return pageCount++;
    }

    private void clearPages() {
        Arrays.fill(pages, null);
        Arrays.fill(pageEnd, 0);
        pageCount = 0;
        liveBytes = 0;
        deadBytes = 0;
        freeCount = 0;
        next = 0;
        if (slots.length > 16) {
            slots = new int[16];
        }
        if (location.length > 64) {
            location = new int[64];
            refs = new int[64];
            hashes = new int[64];
        }
    }

    /**
     * Slides the live entries towards the start of the pages, in order, and drops the pages left empty. An entry
     * is live when its id is in use and located there (a freed id may have been handed out again elsewhere).
     */
    private void compact() {
        int w = 0;
        int wOff = 0;
        for (int r = 0; r < pageCount; r++) {
            byte[] page = pages[r];
            for (int off = 0, end = pageEnd[r]; off < end; ) {
                int total = entryBytes(page, off);
                int id = entryId(page, off);
                if (refs[id] > 0 && location[id] == (r << PAGE_BITS | off)) {
                    while (!fits(w, wOff, total)) {
                        pageEnd[w++] = wOff;
                        wOff = 0;
                    }
                    System.arraycopy(page, off, pages[w], wOff, total);
                    location[id] = w << PAGE_BITS | wOff;
                    wOff += total;
                }
                off += total;
            }
        }
        pageEnd[w] = wOff;
        for (int i = w + 1; i < pageCount; i++) {
            pages[i] = null;
            pageEnd[i] = 0;
        }
        pageCount = w + 1;
        deadBytes = 0;
        int capacity = slots.length;
        while (capacity > 16 && size * 8 < capacity) {
            capacity >>>= 1;
        }
        if (capacity != slots.length) {
            rehash(capacity);
        }
    }

    // ---------------------------------------------------------------- the id table

    /** The hash of a value's bytes (Java's polynomial hash, mixed before use). */
    private static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private int hashOf(int id) {
        return hashes[id];
    }

    private boolean equal(int id, byte[] v) {
        int loc = location[id];
        byte[] page = pages[loc >>> PAGE_BITS];
        int off = loc & PAGE_SIZE - 1;
        int start = off + header(page, off);
        return length(page, off) == v.length && Arrays.equals(page, start, start + v.length, v, 0, v.length);
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int s : old) {
            if (s != 0) {
                int pos = HashCommon.mix(hashOf(s - 1)) & mask;
                while (slots[pos] != 0) {
                    pos = pos + 1 & mask;
                }
                slots[pos] = s;
            }
        }
    }

    /** Removes an id from the table, shifting later entries of its probe run back (no tombstones). */
    private void removeSlot(int id) {
        int mask = slots.length - 1;
        int pos = HashCommon.mix(hashOf(id)) & mask;
        while (slots[pos] != id + 1) {
            pos = pos + 1 & mask;
        }
        int last = pos;
        while (true) {
            pos = last + 1 & mask;
            int s;
            while (true) {
                s = slots[pos];
                if (s == 0) {
                    slots[last] = 0;
                    return;
                }
                int home = HashCommon.mix(hashOf(s - 1)) & mask;
                // the entry at pos may move to last unless its home lies cyclically in (last, pos]
                if (last <= pos ? last >= home || home > pos : last >= home && home > pos) {
                    break;
                }
                pos = pos + 1 & mask;
            }
            slots[last] = s;
            last = pos;
        }
    }
}
