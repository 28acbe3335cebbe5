// Splits ExaBGP configuration text into statements: words, quoted strings, '[' ']' ',' as words of their own,
// '#' comments, backslash line continuation; a statement must end (';' '{' '}') on its line.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class Tokenizer {
    private final Path file;
    private final List<Statement> out = new ArrayList<>();
    private final List<Token> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private int wordLine;
    private int wordColumn;

    private Tokenizer(Path file) {
        this.file = file;
    }

    /** Tokenizes a whole file's text. */
    public static List<Statement> tokenize(Path file, String text) {
        Tokenizer t = new Tokenizer(file);
        t.run(text);
        return t.out;
    }

    private void run(String text) {
        List<String> lines = lines(text);
        int i = 0;
        while (i < lines.size()) {
            int firstLine = i + 1;
            String line = lines.get(i++);
            if (!endsWithContinuation(line) || i >= lines.size()) {
                scanLine(line, firstLine, List.<int[]>of(new int[] {0, i}));
                continue;
            }
            // a trailing backslash continues the statement on the next line
            List<int[]> segments = new ArrayList<>();
            StringBuilder joined = new StringBuilder();
            while (endsWithContinuation(line) && i < lines.size()) {
                segments.add(new int[] {joined.length(), i});
                joined.append(line, 0, line.stripTrailing().length() - 1).append(' ');
                line = lines.get(i++);
            }
            segments.add(new int[] {joined.length(), i});
            joined.append(line);
            scanLine(joined.toString(), firstLine, segments);
        }
    }

    /** The lines of the text, split at "\n" or "\r\n" (what String.split("\r?\n", -1) gives, without a regex). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(text.length() / 32 + 1);
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
            out.add(text.substring(start, end));
            start = i + 1;
        }
        out.add(text.substring(start));
        return out;
    }

    private static boolean endsWithContinuation(String line) {
        int i = line.length() - 1;
        while (i >= 0 && Character.isWhitespace(line.charAt(i))) {
            i--;
        }
        return i >= 0 && line.charAt(i) == '\\';
    }

    /** Line and column (1-based) of offset {@code off} in a joined logical line. */
    private static int[] position(int firstLine, List<int[]> segments, int off) {
        int seg = 0;
        while (seg + 1 < segments.size() && segments.get(seg + 1)[0] <= off) {
            seg++;
        }
        return new int[] {firstLine + seg, off - segments.get(seg)[0] + 1};
    }

    private void scanLine(String s, int firstLine, List<int[]> segments) {
        char quote = 0;
        int quoteStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    int[] pos = position(firstLine, segments, quoteStart);
                    words.add(new Token(word.toString(), pos[0], pos[1], true));
                    word.setLength(0);
                    quote = 0;
                } else if (c == '\\' && i + 1 < s.length()) {
                    word.append(unescape(s.charAt(++i)));
                } else {
                    word.append(c);
                }
                continue;
            }
            switch (c) {
                case '#' -> {
                    flushWord();
                    i = s.length();
                }
                case '"', '\'' -> {
                    flushWord();
                    quote = c;
                    quoteStart = i;
                }
                case ' ', '\t', '\r' -> flushWord();
                case '[', ']', ',' -> {
                    flushWord();
                    int[] pos = position(firstLine, segments, i);
                    words.add(new Token(String.valueOf(c), pos[0], pos[1], false));
                }
                case ';', '{', '}' -> {
                    flushWord();
                    int[] pos = position(firstLine, segments, i);
                    out.add(new Statement(words, new Token(String.valueOf(c), pos[0], pos[1], false)));
                    words.clear();
                }
                default -> {
                    if (word.length() == 0) {
                        int[] pos = position(firstLine, segments, i);
                        wordLine = pos[0];
                        wordColumn = pos[1];
                    }
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            int[] pos = position(firstLine, segments, quoteStart);
            throw new ConfigException(file, pos[0], pos[1], "unterminated string (expected a closing " + quote + ")");
        }
        flushWord();
        if (!words.isEmpty()) {
            Token last = words.get(words.size() - 1);
            throw new ConfigException(file, last.line(), last.column() + last.text().length(),
                    "statement '" + join(words) + "' is not terminated (expected ';', '{' or '}' on the same line)");
        }
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    private void flushWord() {
        if (word.length() > 0) {
            words.add(new Token(word.toString(), wordLine, wordColumn, false));
            word.setLength(0);
        }
    }

    static String join(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }
}
