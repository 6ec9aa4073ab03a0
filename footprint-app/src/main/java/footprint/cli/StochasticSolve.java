package footprint.cli;

import footprint.io.ModelRead;
import footprint.model.Network;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.report.PlanJson;
import footprint.report.PlanText;
import footprint.report.risk.StochasticText;
import footprint.risk.LocalExecutor;
import footprint.risk.StochasticAnalysis;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code footprint solve MODEL --stochastic N}: the plan that holds up over N sampled futures, and
 * what it and perfect information are worth against the plan made on point values.
 */
final class StochasticSolve {
    private StochasticSolve() {}

    static int run(
            Network network,
            ModelRead read,
            SolveOptions options,
            int samples,
            int checkSamples,
            long seed,
            StochasticAnalysis.Method method,
            Path json,
            Outputs files,
            PrintWriter out,
            PrintWriter err,
            SolveListener listener) {
        if (samples < 1 || checkSamples < 2) {
            throw new UserError("--stochastic takes 1 or more futures and --check-samples 2 or more", ExitCode.USAGE);
        }
        StochasticAnalysis.Result r;
        try (SampleProgress progress = SampleProgress.to(err, "Futures valued")) {
            r = StochasticAnalysis.run(
                    network,
                    new StochasticAnalysis.Options(samples, checkSamples, seed, 0, method),
                    options.withShadowPrices(false),
                    new LocalExecutor(0),
                    listener,
                    progress);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.INFEASIBLE);
        }
        out.print(PlanText.of(network, r.stochastic()));
        out.print(StochasticText.of(network, r));
        out.flush();
        if (json != null) {
            files.write(json, PlanJson.of(r.stochastic(), network, read.file(), read.sources()) + "\n");
            err.println("wrote the stochastic plan to " + Quote.of(json));
        }
        err.flush();
        return ExitCode.OK;
    }
}
