// The path attributes of one UPDATE: at most one per type code, kept sorted by type code.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public record PathAttributes(List<PathAttribute> list) {
    public static final PathAttributes EMPTY = new PathAttributes(List.of());

    public PathAttributes {
        List<PathAttribute> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(PathAttribute::typeCode));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).typeCode() == sorted.get(i - 1).typeCode()) {
                throw new IllegalArgumentException("attribute " + sorted.get(i).typeCode() + " given twice");
            }
        }
        list = List.copyOf(sorted);
    }

    public static PathAttributes of(PathAttribute... attributes) {
        return new PathAttributes(Arrays.asList(attributes));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public Optional<PathAttribute> get(int typeCode) {
        for (PathAttribute a : list) {
            if (a.typeCode() == typeCode) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public <T extends PathAttribute> Optional<T> get(Class<T> type) {
        for (PathAttribute a : list) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    public boolean has(int typeCode) {
        return get(typeCode).isPresent();
    }

    /** A copy with {@code a} added or replacing the attribute of its type. */
    public PathAttributes with(PathAttribute a) {
        List<PathAttribute> out = new ArrayList<>(list.size() + 1);
        for (PathAttribute x : list) {
            if (x.typeCode() != a.typeCode()) {
                out.add(x);
            }
        }
        out.add(a);
        return new PathAttributes(out);
    }

    /** A copy without the attribute of this type code. */
    public PathAttributes without(int typeCode) {
        List<PathAttribute> out = new ArrayList<>(list.size());
        for (PathAttribute x : list) {
            if (x.typeCode() != typeCode) {
                out.add(x);
            }
        }
        return out.size() == list.size() ? this : new PathAttributes(out);
    }
}
