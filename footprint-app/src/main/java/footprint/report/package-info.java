/**
 * What a person reads: plans as text and JSON, the checked reading of plan files ({@code PlanFile},
 * {@code PlanSchema}, {@code PlanFit}), and the HTML, Excel, comparison, trace and risk reports in
 * its sub-packages. Uses the model, io and the engine; never the command line.
 */
package footprint.report;
