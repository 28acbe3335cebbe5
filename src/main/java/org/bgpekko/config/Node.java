// The configuration as a tree: sections ("neighbor 127.0.0.1 { … }") holding settings ("hold-time 180;").
package org.bgpekko.config;

import java.util.List;

public sealed interface Node permits Node.Section, Node.Setting {

    /** The statement that made this node (its words and position). */
    Statement statement();

    default Token head() {
        return statement().head();
    }

    default List<Token> words() {
        return statement().words();
    }

    /** A block: the words before '{', and what is inside. */
    record Section(Statement statement, List<Node> children) implements Node {
        public Section {
            children = List.copyOf(children);
        }
    }

    /** A statement ended by ';'. */
    record Setting(Statement statement) implements Node {}
}
