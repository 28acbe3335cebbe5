// A group of rules sharing (key, sequence): an unordered set of expected messages, possibly headed by actions.
package org.bgpekko.qa;

import java.util.List;

public record Group(String key, int sequence, List<Rule> rules) {
    public Group {
        rules = List.copyOf(rules);
    }

    public String label() {
        return key + sequence;
    }
}
