/**
 * The optimiser: a model frozen into dense indices, its MILP (one method per constraint family),
 * the backends through OR-Tools, the speed techniques and their automatic choice, and the {@code
 * Plan} a solve returns. Uses {@code footprint.model} and OR-Tools; no files, no command line.
 */
package footprint.optimize;
