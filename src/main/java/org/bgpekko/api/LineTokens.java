// Splits a normalised API line into words (config Tokens with their column); quotes keep spaces in one word,
// ';', '{' and '}' are words of their own.
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.config.Token;

final class LineTokens {
    private LineTokens() {}

    static List<Token> split(String text) throws ApiParseException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new ApiParseException("unterminated string at column " + (i + 1) + " (expected a closing "
                            + c + ")");
                }
                out.add(new Token(text.substring(i + 1, close), 1, i + 1, true));
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '"'
                    && text.charAt(end) != '\'') {
                end++;
            }
            // ';', '{' and '}' are words of their own (the block form of flow routes); the parser refuses them
            // anywhere else
            for (int k = i; k < end; k++) {
                char ch = text.charAt(k);
                if (ch == ';' || ch == '{' || ch == '}') {
                    if (k > i) {
                        out.add(new Token(text.substring(i, k), 1, i + 1, false));
                    }
                    out.add(new Token(String.valueOf(ch), 1, k + 1, false));
                    i = k + 1;
                }
            }
            if (i < end) {
                out.add(new Token(text.substring(i, end), 1, i + 1, false));
            }
            i = end;
        }
        return out;
    }
}
