// Reads a configuration file for the parser: at most MAX_BYTES, strict UTF-8. Every failure is a ConfigException
// naming the file and the reason; invalid UTF-8 also gives the line and column of its first bad byte.
package org.bgpekko.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

public final class ConfigFile {
    /** The largest configuration read: 64 MiB (about 10^6 routes; larger tables belong in a helper process). */
    public static final int MAX_BYTES = 64 << 20;

    private ConfigFile() {}

    /** The text of {@code file}. */
    public static String read(Path file) {
        return read(file, MAX_BYTES);
    }

    /** The text of {@code file}, refused when longer than {@code maxBytes}. */
    static String read(Path file, int maxBytes) {
        return decode(file, bytes(file, maxBytes));
    }

    private static byte[] bytes(Path file, int maxBytes) {
        if (Files.isDirectory(file)) {
            throw unreadable(file, "it is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // read in steps, so that /dev/zero or a runaway pipe stops at the cap instead of filling the heap
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (out.size() + n > maxBytes) {
                    throw unreadable(file, "larger than " + size(maxBytes) + ", the most a configuration may be; "
                            + "announce large tables from a helper process");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file");
        } catch (AccessDeniedException e) {
            throw unreadable(file, "permission denied");
        } catch (FileSystemException e) {
            throw unreadable(file, e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        } catch (IOException e) {
            throw unreadable(file, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    private static ConfigException unreadable(Path file, String why) {
        return new ConfigException(file, 0, 0, "cannot read the file (" + why + ")");
    }

    /** Strict UTF-8; the first malformed sequence is reported at its line and column (counted as the tokenizer does). */
    static String decode(Path file, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        out.flip();
        if (r.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            StringBuilder seq = new StringBuilder();
            for (int i = in.position(); i < in.position() + r.length(); i++) {
                seq.append(String.format(" 0x%02X", bytes[i] & 0xFF));
            }
            throw new ConfigException(file, line, out.length() - lineStart + 1, "the file is not valid UTF-8 (byte"
                    + (r.length() > 1 ? "s" : "") + seq + "; save it as UTF-8)");
        }
        return out.toString();
    }
}
