// Tests outside the api package: a helper's lines through BatchAssembler and ApiTranslator, as the gateway sends them.
package org.bgpekko.api;

import java.util.List;
import org.bgpekko.rib.Rib;

public final class BatchAssemblerAccess {
    private final BatchAssembler assembler;
    private final ApiTranslator.Served served;
    private int runs;

    public BatchAssemblerAccess(String process) {
        assembler = new BatchAssembler(process);
        served = new ApiTranslator.Served(process);
    }

    /** The Rib's inputs for one batch of lines (every line parsed). */
    public List<Rib.ApiInput> inputs(List<String> lines) {
        HelperBatch b = assembler.assemble(lines);
        runs = (int) b.commands().stream().filter(c -> c.line().command() instanceof ApiCommand.RouteRun).count();
        return b.commands().stream().map(c -> ApiTranslator.translate(served, c.text(), c.line())).toList();
    }

    /** The runs among the last batch's inputs. */
    public int runs() {
        return runs;
    }
}
