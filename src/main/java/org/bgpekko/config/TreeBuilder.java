// Builds the section tree from statements, tolerating what ExaBGP tolerates: a '}' too many at the top level
// and sections left open at the end of the file.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

public final class TreeBuilder {
    private TreeBuilder() {}

    /** One open section while building. */
    private record Open(Statement statement, List<Node> children) {}

    public static List<Node> build(Path file, List<Statement> statements) {
        List<Node> top = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        for (Statement s : statements) {
            List<Node> here = stack.isEmpty() ? top : stack.peek().children();
            if (s.opens()) {
                if (s.words().isEmpty()) {
                    throw new ConfigException(file, s.terminator(), "'{' without a section name before it");
                }
                stack.push(new Open(s, new ArrayList<>()));
            } else if (s.closes()) {
                if (!s.words().isEmpty()) {
                    Token last = s.words().get(s.words().size() - 1);
                    throw new ConfigException(file, s.terminator(),
                            "missing ';' after '" + last + "' (expected ';' before '}')");
                }
                if (!stack.isEmpty()) {
                    Open done = stack.pop();
                    (stack.isEmpty() ? top : stack.peek().children()).add(new Node.Section(done.statement(), done.children()));
                }
                // a '}' with nothing open is ignored, as ExaBGP does
            } else {
                if (s.words().isEmpty()) {
                    throw new ConfigException(file, s.terminator(), "';' without a setting before it");
                }
                here.add(new Node.Setting(s));
            }
        }
        while (!stack.isEmpty()) { // sections left open at the end of the file close there
            Open done = stack.pop();
            (stack.isEmpty() ? top : stack.peek().children()).add(new Node.Section(done.statement(), done.children()));
        }
        return top;
    }
}
